/** Every comment the gate writes carries a hidden marker starting with this. */
const MARKER_PREFIX = '<!-- release-readiness:';

/** Hidden in the living comment; together with a Bot author it identifies the comment as the gate's. */
export const COMMENT_MARKER = `${MARKER_PREFIX}living-comment -->`;

/** Hidden in each reminder comment, naming the roles it reminded. */
export function reminderMarker(roles: readonly string[]): string {
  return `${MARKER_PREFIX}reminder ${roles.join(',')} -->`;
}

export function remindedRoles(body: string): string[] {
  const match = /<!-- release-readiness:reminder ([a-z0-9_,-]+) -->/.exec(body);
  return match ? match[1]!.split(',') : [];
}

/** The gate's living comment. A user's comment that carries the marker is still a user's comment. */
export function isLivingComment(body: string, authorType: string | undefined): boolean {
  return authorType === 'Bot' && body.includes(COMMENT_MARKER);
}

/** Any comment the gate wrote (living comment or reminder): never read for commands. */
export function isGateComment(body: string, authorType: string | undefined): boolean {
  return authorType === 'Bot' && body.includes(MARKER_PREFIX);
}
