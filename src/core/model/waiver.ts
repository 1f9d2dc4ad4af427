/** An accepted risk: a check that does not pass, waived by a person allowed to. */
export interface Waiver {
  checkId: string;
  login: string;
  /** As the person typed it. */
  reason: string;
  at: string;
  commentUrl: string;
  /** When it stops holding; null when waivers do not expire. */
  expiresAt: string | null;
}
