/**
 * How one check stands. Ordered from best to worst for the gate:
 * `unknown` (evidence could not be read) blocks like a failure and is never green.
 */
export type Outcome = 'pass' | 'skipped' | 'waived' | 'pending' | 'fail' | 'unknown';

/** How one sign-off role stands: a role is never waived and never fails, it waits. */
export type RoleOutcome = Extract<Outcome, 'pass' | 'pending' | 'unknown' | 'skipped'>;

/** The gate's answer, as a commit status state: GitHub knows exactly these four. */
export type GateState = 'success' | 'pending' | 'failure' | 'error';
