/**
 * One record a passing verdict rests on, and who wrote it: what an audit of a release asks
 * after ("CI passed" — which runs, written by whom?). The checks say it as data, so that a
 * record of the release never has to read it back out of rendered text.
 */
export interface EvidenceSource {
  kind: EvidenceSourceKind;
  /** Its name: a check run's or status context's, an environment, a reviewer's verdict, a probed host. */
  name: string;
  /** Where a person sees it; null when it has no page of its own (the clock, the alert counts). */
  url: string | null;
  /**
   * The account that wrote it (an App as `<slug>[bot]`); null when GitHub itself keeps it (the
   * PR's labels and files, alert counts) or the runner found it (a probe, the clock).
   */
  writer: string | null;
}

export type EvidenceSourceKind = 'check run' | 'status' | 'review' | 'sign-off' | 'deployment' | 'alerts' | 'pull request' | 'files' | 'probe' | 'clock';
