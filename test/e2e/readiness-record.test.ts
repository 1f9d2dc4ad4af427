// A release PR that reaches `success` leaves a readiness record on the runner, and the step
// outputs that actions/attest takes: the record as the subject, its predicate and type.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitBlobSha } from '../fake-github/ids.ts';
import { validateRecord } from '../support/record-schema.ts';
import { logOf, POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const validate = validateRecord;

let runnerTemp: string;
beforeEach(async () => {
  runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
});
afterEach(async () => {
  await rm(runnerTemp, { recursive: true, force: true });
});

/** Green CI and two approvals: only the sign-offs are missing, and each comment runs the gate. */
function allButSignoffs(world: ReleaseWorld): void {
  world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  world.fake.addCheckRun(REPO, world.head(), { name: 'test', status: 'completed', conclusion: 'success' });
  for (const user of ['alice', 'bob']) world.fake.addReview(REPO, world.pr, { user, state: 'APPROVED' });
}

describe('the readiness record of a release let through', () => {
  it('is written beside the snapshots, with the outputs actions/attest needs; none while the PR waits', async () => {
    const world = await newWorld({ run: { env: { RUNNER_TEMP: runnerTemp } } });
    allButSignoffs(world);
    const waiting = await world.comment('alice', 'Auth changes reviewed.\n/signoff security');
    expect(waiting.result.outputs).toMatchObject({ state: 'pending', 'record-path': '', 'record-digest': '', 'predicate-path': '', 'predicate-type': '' });

    const { result } = await world.comment('carol', '/signoff sre paged the on-call');
    expect(result.exitCode, logOf(result)).toBe(0);
    const head = world.head();
    const name = `pr-${world.pr}-${head.slice(0, 7)}.json`;
    expect(result.outputs).toMatchObject({
      state: 'success',
      'record-path': join(runnerTemp, 'release-readiness', `record-${name}`),
      'predicate-path': join(runnerTemp, 'release-readiness', `predicate-${name}`),
      'predicate-type': 'https://github.com/acme/release-readiness/readiness-record/v1',
    });
    expect((await readdir(join(runnerTemp, 'release-readiness'))).filter((file) => file.startsWith('record-'))).toEqual([`record-${name}`]);

    const bytes = await readFile(result.outputs['record-path']!);
    // The digest actions/attest computes for `subject-path`, and `gh attestation verify` looks up.
    expect(result.outputs['record-digest']).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    const record = JSON.parse(bytes.toString('utf8'));
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(record).toMatchObject({
      subject: [{ name: `${REPO}@refs/pull/${world.pr}/head`, digest: { gitCommit: head } }],
      predicate: {
        state: 'success',
        gate: { writesAs: 'github-actions[bot]', sharedIdentity: true, runUrl: 'https://github.com/acme/rocket/actions/runs/7000000001' },
        // Exactly the readiness.yml on the default branch, as `git hash-object` names it.
        policy: { path: '.github/readiness.yml', ref: 'main', digest: { gitBlob: gitBlobSha(POLICY) } },
        pullRequest: { number: world.pr, head: { sha: head } },
      },
    });
    expect(record.predicate.signoffs.map((role: { role: string; signatures: { login: string; commit: string; boundBy: string }[] }) => [role.role, role.signatures.map((s) => [s.login, s.commit, s.boundBy])])).toEqual([
      ['security', [['alice', head, 'activity']]],
      ['sre', [['carol', head, 'activity']]],
    ]);
    expect(record.predicate.checks.map((check: { id: string; sources: { writer: string | null }[] }) => [check.id, check.sources.map((source) => source.writer)])).toEqual([
      ['ci', ['github-actions[bot]', 'github-actions[bot]']],
      ['reviews', ['alice', 'bob']],
      ['on-call', ['carol']],
    ]);
    expect(JSON.parse(await readFile(result.outputs['predicate-path']!, 'utf8'))).toEqual(record.predicate);
    expect(logOf(result)).toContain(`readiness record written to ${result.outputs['record-path']}`);
  });
});
