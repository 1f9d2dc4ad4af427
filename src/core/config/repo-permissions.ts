/** Repository roles, weakest first, as GitHub names them. */
export const REPO_PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type RepoPermission = (typeof REPO_PERMISSIONS)[number];

/** Whether a permission GitHub reports is at least `needed`: `none`, or one GitHub adds later, is not. */
export function hasPermission(held: string, needed: RepoPermission): boolean {
  const rank = (REPO_PERMISSIONS as readonly string[]).indexOf(held);
  return rank >= 0 && rank >= REPO_PERMISSIONS.indexOf(needed);
}
