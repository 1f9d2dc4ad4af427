import type { GateIdentity } from '../evidence/snapshot.ts';

/** Every comment the gate writes carries a hidden marker starting with this. */
const MARKER_PREFIX = '<!-- release-readiness:';

/** Hidden in the living comment; together with the gate's own login it identifies the comment as the gate's. */
export const COMMENT_MARKER = `${MARKER_PREFIX}living-comment -->`;

/** Hidden in each reminder comment, naming the roles it reminded. */
export function reminderMarker(roles: readonly string[]): string {
  return `${MARKER_PREFIX}reminder ${roles.join(',')} -->`;
}

export function remindedRoles(body: string): string[] {
  const match = /<!-- release-readiness:reminder ([a-z0-9_,-]+) -->/.exec(body);
  return match ? match[1]!.split(',') : [];
}

interface Authored {
  body: string;
  user: { login: string } | null;
}

/**
 * The gate's living comment: its marker, written by the gate's own login. Anyone can copy the
 * marker, so a comment by another account is never the gate's, whatever it contains.
 */
export function isLivingComment(comment: Authored, identity: GateIdentity): boolean {
  return comment.user?.login === identity.login && comment.body.includes(COMMENT_MARKER);
}

/** Any comment the gate wrote (living comment or reminder): never read for commands. */
export function isGateComment(comment: Authored, identity: GateIdentity): boolean {
  return comment.user?.login === identity.login && comment.body.includes(MARKER_PREFIX);
}
