// Evaluated snapshots of release PRs, ready and not: the cases the readiness record is built from.
import { evaluate } from '../../../src/core/evaluation/evaluate.ts';
import type { EvidenceSnapshot, Lookups } from '../../../src/core/evidence/snapshot.ts';
import type { Evaluation } from '../../../src/core/model/evaluation.ts';
import { APP_GATE, changed, checkRun, comment, COMMENT_URL, defaultLookups, EARLIER, HEAD, POLICY, pushRecord, push, review, snapshot, status, type SnapshotOptions } from '../builders.ts';

/** The git blob SHA GitHub reports with readiness.yml. */
export const POLICY_BLOB = 'c'.repeat(40);

const at = (time: string) => `2026-11-21T${time}Z`;
const signoffs = () => [comment('alice', 'Auth changes reviewed.\n/signoff security', at('09:30:00')), comment('carol', '/signoff sre paged the on-call', at('09:40:00'))];
const approvals = () => [review('alice', 'APPROVED'), review('bob', 'APPROVED')];

/** A snapshot as the gate reads it from GitHub: the policy with its blob. */
export function readSnapshot(options: SnapshotOptions = {}): EvidenceSnapshot {
  const read = snapshot(options);
  if (read.policy.ok) read.policy.value.blobSha = POLICY_BLOB;
  return read;
}

/** The README's example with everything in: green CI, two approvals, both roles signed on the head. */
export function readyOptions(extra: SnapshotOptions = {}): SnapshotOptions {
  return { reviews: approvals(), comments: signoffs(), ...extra };
}

export interface Case {
  name: string;
  snapshot: EvidenceSnapshot;
}

const evaluated = (name: string, options: SnapshotOptions): Case => ({ name, snapshot: readSnapshot(options) });

const NO_COMMIT = '0'.repeat(40);
/** The head has the files of EARLIER: a sign-off given there holds for it. */
const sameFiles: Lookups = { ...defaultLookups(), commitTrees: { [EARLIER]: { ok: true, value: 'tree-1' }, [HEAD]: { ok: true, value: 'tree-1' } } };

/** Release PRs the gate lets through, each a different way. */
export const READY: Case[] = [
  evaluated('everything in, on the head', readyOptions()),
  evaluated('a failing CI job waived by security', {
    ...readyOptions({ policy: `${POLICY}waivers:\n  by: [security]\n  expires_after: 24h\n` }),
    checkRuns: [checkRun('build'), checkRun('test', 'completed', 'failure')],
    comments: [...signoffs(), comment('bob', 'Flaky runner, OPS-12.\n/waive ci flaky runner, OPS-12', at('09:45:00'))],
  }),
  evaluated('a sign-off given on an earlier commit with the same files', readyOptions({ lookups: sameFiles, comments: [comment('alice', '/signoff security', at('08:30:00')), comment('carol', '/signoff sre', at('09:40:00'))] })),
  // Who pushed the head is not known then either: only roles open to the PR's own people can sign.
  evaluated('as an App, the head not in the record of pushes yet: bound by the gate’s own first status', {
    ...readyOptions({ identity: APP_GATE, policy: POLICY.replace(/users: \[(\w+(?:, \w+)*)\]\n/g, 'users: [$1]\n    allow_author: true\n') }),
    statuses: [status('release-readiness', 'pending', { createdAt: at('09:05:00'), targetUrl: COMMENT_URL, creator: { login: APP_GATE.login, type: 'Bot' } })],
    lookups: { ...defaultLookups(), pushRecord: pushRecord(push(EARLIER, at('07:00:00'), 'dave', NO_COMMIT, 'branch_creation')) },
  }),
  evaluated('a role and a check that do not apply', {
    ...readyOptions(),
    policy: `${POLICY.replace('  sre:\n', '  dba:\n    users: [erin]\n    when: { paths: ["db/**"] }\n  sre:\n')}  - id: coverage\n    name: Coverage recorded\n    required: false\n    coverage: { min: 80 }\n`,
    sources: { changedFiles: changed('src/app.ts') },
    statuses: [status('release-readiness/coverage', 'success', { description: '84.2% of lines (lcov) · 842/1000', creator: { login: 'github-actions[bot]', type: 'Bot' }, targetUrl: 'https://github.com/acme/rocket/actions/runs/1' })],
  }),
];

/** Release PRs the gate does not let through, and PRs it does not gate. */
export const NOT_READY: Case[] = [
  evaluated('waiting for a sign-off', { reviews: approvals(), comments: [signoffs()[0]!] }),
  evaluated('CI failing', readyOptions({ checkRuns: [checkRun('build', 'completed', 'failure')] })),
  evaluated('not a release PR (non_release_status: success)', readyOptions({ policy: `${POLICY}non_release_status: success\n`, pr: { base: { ref: 'main', sha: 'b'.repeat(40) } } })),
  { name: 'ready, but the policy’s blob is not known (a snapshot from before the record)', snapshot: snapshot(readyOptions()) },
];

export function evaluationOf(item: Case): Evaluation {
  return evaluate(item.snapshot);
}
