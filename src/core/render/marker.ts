/** Hidden in the living comment; together with a Bot author it identifies the comment as the gate's. */
export const COMMENT_MARKER = '<!-- release-readiness:living-comment -->';

export function isGateComment(body: string, authorType: string | undefined): boolean {
  // A user's comment that carries the marker is still a user's comment.
  return authorType === 'Bot' && body.includes(COMMENT_MARKER);
}
