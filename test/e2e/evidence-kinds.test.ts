import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issueCommentEvent, pullRequestEvent, workflowRunCompletedEvent } from '../support/payloads.ts';
import type { ActionResult } from '../support/run-action.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const FIXTURES = fileURLToPath(new URL('../core/coverage/fixtures/', import.meta.url));

const policyWith = (checks: string, signoffs = '') => `version: 1\nrelease:\n  branches: ["release/**"]\n${signoffs}checks:\n${checks}`;

/** The CI job of the PR, right after its tests: the action records the report's coverage. */
function recordCoverage(world: ReleaseWorld, file: string) {
  return world.gate('pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'synchronize'), {
    inputs: { 'coverage-file': file },
    env: { GITHUB_WORKSPACE: FIXTURES },
  });
}

const coverageStatus = (world: ReleaseWorld) => world.fake.statuses(REPO, world.head()).find((s) => s.context === 'release-readiness/coverage');

/** The rows of a table of the living comment, under `heading`: one array of cells per row. */
function tableRows(world: ReleaseWorld, heading: string): string[][] {
  const body = world.gateComments()[0]?.body ?? '';
  const start = body.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`the living comment has no ${heading}:\n${body}`);
  const lines = body.slice(start).split('\n').slice(3);
  const rows = lines.slice(0, lines.findIndex((line) => !line.startsWith('|')));
  // Cells are separated by unescaped pipes; the first and last pipes frame the row.
  return rows.map((row) => row.slice(2, -2).split(/(?<!\\) \| /));
}

/** The checklist as the living comment shows it: outcome glyph, check, evidence. */
const checksShown = (world: ReleaseWorld) => tableRows(world, '### Checks');
/** Each role as the living comment shows it: outcome glyph, role, who may sign, who signed. */
const signoffsShown = (world: ReleaseWorld) => tableRows(world, `### Sign-offs for \`${world.head().slice(0, 7)}\``);

interface Reported {
  state: string;
  description: string;
  checks: { id: string; outcome: string; summary: string; fix: string | null }[];
  roles: { role: string; outcome: string }[];
  problems: { what: string; message: string; fix: string; httpStatus?: number }[];
}

/** The report says what the comment says, as plain text: code unquoted, a link as its text and address. */
const plain = (markdown: string) => markdown.replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)').replace(/`/g, '');

/** The step output `report` of a run that evaluated one PR. */
const reportOf = (result: ActionResult): Reported => JSON.parse(result.outputs['report']!) as Reported;
const outcomes = (report: Reported) => report.checks.map((check) => [check.id, check.outcome]);
const short = (world: ReleaseWorld) => world.head().slice(0, 7);
/** What a run asked of GitHub, as `METHOD path`, from the fake's request log. */
const requestsDuring = async (world: ReleaseWorld, run: () => Promise<unknown>) => {
  const from = world.fake.requests.length;
  await run();
  return world.fake.requests.slice(from).map((request) => `${request.method} ${request.path}`);
};

describe('coverage', () => {
  it.each<[string, string]>([
    ['c8-lcov.info', '76.5% of lines (lcov) · 13/17'],
    ['coverage-py.xml', '76.5% of lines (Cobertura) · 13/17'],
    ['coverage-summary.json', '66.7% of lines (Istanbul) · 20/30'],
    ['istanbul-clover.xml', '73.7% of statements (Clover) · 14/19'],
    ['jacoco.xml', '65.2% of lines (JaCoCo) · 15/23'],
    ['go-test-set.out', '66.7% of statements (Go coverprofile) · 4/6'],
  ])('records %s on the head commit', async (file, description) => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 60 }\n') });
    const result = await recordCoverage(world, file);
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(coverageStatus(world)).toMatchObject({ state: 'success', description, target_url: 'https://github.com/acme/rocket/actions/runs/7000000001', creator: { login: 'github-actions[bot]' } });
    // Recording does not evaluate: the CI job's own check run is still running.
    expect(world.gateStatuses()).toEqual([]);
  });

  it('is recorded by the CI run and read back by a later, comment-triggered run', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 75 }\n') });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for coverage' });
    expect(checksShown(world)).toEqual([['⏳', 'Code coverage maintained', `Waiting for coverage: no coverage recorded on \`${short(world)}\` yet`]]);
    await recordCoverage(world, 'c8-lcov.info');
    let result!: ActionResult;
    const requests = await requestsDuring(world, async () => ({ result } = await world.comment('erin', 'Any news?')));
    expect(result.outputs['state']).toBe('success');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'success', description: 'Ready: 1 check passes' });
    expect(checksShown(world)).toEqual([['✅', 'Code coverage maintained', '76.5% of lines from [`release-readiness/coverage`](https://github.com/acme/rocket/actions/runs/7000000001) (minimum 75%)']]);
    expect(outcomes(reportOf(result))).toEqual([['coverage', 'pass']]);
    // The figure came from the head's statuses, read once.
    expect(requests.filter((request) => request === `GET /repos/${REPO}/commits/${world.head()}/statuses`)).toHaveLength(1);
  });

  it('below the minimum: failure, with the figure', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 80 }\n') });
    await recordCoverage(world, 'c8-lcov.info');
    const result = await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: coverage 76.5%, below 80%' });
    expect(checksShown(world)).toEqual([['❌', 'Code coverage maintained', '76.5% of lines from [`release-readiness/coverage`](https://github.com/acme/rocket/actions/runs/7000000001), below the minimum 80%']]);
    expect(reportOf(result).checks).toEqual([
      {
        id: 'coverage',
        name: 'Code coverage maintained',
        required: true,
        outcome: 'fail',
        summary: plain('76.5% of lines from [`release-readiness/coverage`](https://github.com/acme/rocket/actions/runs/7000000001), below the minimum 80%'),
        fix: plain(`Raise line coverage of \`${short(world)}\` to at least 80% (now 76.5%).`),
        waiver: null,
      },
    ]);
  });

  it('a missing report fails the CI step, and the gate blocks instead of waiting', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 80 }\n') });
    const recorded = await recordCoverage(world, 'no-such-report.info');
    expect(recorded.exitCode).toBe(1);
    expect(logOf(recorded)).toContain('no-such-report.info: no such file');
    const unreadable = 'Unreadable report: no-such-report.info: no such file (the path is relative to the workspace; run this step after the tests)';
    expect(coverageStatus(world)).toMatchObject({ state: 'error', description: unreadable });
    const result = await world.gateOnPullRequest('synchronize');
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'error', description: `Cannot evaluate: cannot read coverage of \`${short(world)}\`` });
    const problem = { what: `coverage of \`${short(world)}\``, message: `\`release-readiness/coverage\` reports error: ${unreadable}`, fix: 'Fix the `coverage-file` step of the CI job (see its log).' };
    expect(checksShown(world)).toEqual([['⚠️', 'Code coverage maintained', `Could not read ${problem.what}: ${problem.message}`]]);
    expect(world.gateComments()[0]!.body).toContain(`- ⚠️ **Could not read ${problem.what}**: ${problem.message}. ${problem.fix}`);
    expect(reportOf(result).problems).toEqual([{ what: plain(problem.what), message: plain(problem.message), fix: plain(problem.fix) }]);
  });

  it('from another tool’s check run, re-evaluated when its workflow completes', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 80, from: coverage-report }\n') });
    const run = world.fake.addCheckRun(REPO, world.head(), { name: 'coverage-report', status: 'completed', conclusion: 'success', output: { title: 'Coverage 91.3%', summary: 'All good' } });
    const result = await world.gate('workflow_run', workflowRunCompletedEvent(world.fake, REPO, { headSha: world.head() }));
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'success', description: 'Ready: 1 check passes' });
    expect(checksShown(world)).toEqual([['✅', 'Code coverage maintained', `91.3% of lines from [\`coverage-report\`](https://github.com/acme/rocket/runs/${run}) (minimum 80%)`]]);
    expect(outcomes(reportOf(result))).toEqual([['coverage', 'pass']]);
  });
});

describe('security alerts fail closed', () => {
  it.each<[string, string, { what: string; docs: string; fix: string }]>([
    [
      'dependabot',
      'dependabot: { severity: high }',
      {
        what: 'Dependabot alerts',
        docs: 'https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-a-repository',
        fix: 'Add `vulnerability-alerts: read` to the workflow\'s `permissions:`, or pass a token with "Dependabot alerts: read" as the `security-token` input (and check that Dependabot alerts are enabled).',
      },
    ],
    [
      'secret scanning',
      'secret_scanning: {}',
      {
        what: 'secret-scanning alerts',
        docs: 'https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository',
        fix: 'The workflow\'s GITHUB_TOKEN cannot read secret-scanning alerts: pass a GitHub App installation token or a fine-grained token with "Secret scanning alerts: read" as the `security-token` input.',
      },
    ],
    [
      'code scanning',
      'code_scanning: {}',
      {
        what: 'code-scanning alerts of #1',
        docs: 'https://docs.github.com/rest/reference/code-scanning#list-code-scanning-alerts-for-a-repository',
        fix: 'Add `security-events: read` to the workflow\'s `permissions:`, or pass a token with "Code scanning alerts: read" as the `security-token` input.',
      },
    ],
  ])('%s: a 403 is unknown, blocks, and names the permission', async (_name, check, expected) => {
    const world = await newWorld({ policy: policyWith(`  - id: alerts\n    name: No critical or high vulnerabilities\n    ${check}\n`) });
    const result = await world.gateOnPullRequest();
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'error', description: `Cannot evaluate: cannot read ${expected.what}` });
    const message = `GitHub answered 403 Resource not accessible by integration - ${expected.docs}`;
    expect(checksShown(world)).toEqual([['⚠️', 'No critical or high vulnerabilities', `Could not read ${expected.what}: ${message}`]]);
    expect(world.gateComments()[0]!.body).toContain(`- ⚠️ **Could not read ${expected.what}**: ${message}. ${expected.fix}`);
    const report = reportOf(result);
    expect(report.state).toBe('error');
    expect(report.problems).toEqual([{ what: expected.what, message, fix: plain(expected.fix), httpStatus: 403 }]);
    expect(report.checks.map((c) => [c.id, c.outcome, c.fix])).toEqual([['alerts', 'unknown', plain(expected.fix)]]);
  });

  it('with a security-token, alerts are read and counted', async () => {
    const world = await newWorld({
      policy: policyWith('  - id: deps\n    name: Dependency vulnerabilities scanned\n    dependabot: { severity: high }\n  - id: secrets\n    name: No leaked secrets\n    secret_scanning: {}\n  - id: sast\n    name: Static code analysis passed\n    code_scanning: { tool: CodeQL }\n'),
    });
    world.fake.addToken('ghs_app', { actor: 'github-actions[bot]', kind: 'app', permissions: { vulnerability_alerts: 'read', secret_scanning_alerts: 'read', security_events: 'read' } });
    const lodash = world.fake.addDependabotAlert(REPO, { severity: 'critical', packageName: 'lodash', summary: 'Prototype Pollution' });
    world.fake.addDependabotAlert(REPO, { severity: 'low', packageName: 'debug' });
    const sql = world.fake.addCodeScanningAlert(REPO, { ref: `refs/pull/${world.pr}/merge`, ruleId: 'js/sql-injection', ruleSeverity: 'error', securitySeverityLevel: 'high' });
    const result = await world.gate('issue_comment', issueCommentEvent(world.fake, world.fake.addComment(REPO, world.pr, { user: 'erin', body: 'ping' }).id, 'created'), {
      inputs: { 'security-token': 'ghs_app' },
    });
    // The GITHUB_TOKEN (ghs_gate) may read none of the alerts (see the 403s above): they were read with the security token.
    expect(result.exitCode, logOf(result)).toBe(0);
    // The low Dependabot alert is below `high`: counted out.
    expect(checksShown(world)).toEqual([
      ['❌', 'Dependency vulnerabilities scanned', `1 open Dependabot alert at or above high (at most 0): \`#${lodash} lodash: Prototype Pollution\``],
      ['✅', 'No leaked secrets', '0 open secret-scanning alerts (at most 0)'],
      ['❌', 'Static code analysis passed', `1 open code-scanning alert at or above high (at most 0): \`#${sql} Rule js/sql-injection\``],
    ]);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: 1 Dependabot alert, 1 code-scanning alert' });
    const report = reportOf(result);
    expect(report.checks.map((c) => [c.id, c.outcome, c.fix])).toEqual([
      ['deps', 'fail', 'Fix or dismiss this open Dependabot alert at or above high.'],
      ['secrets', 'pass', null],
      ['sast', 'fail', 'Fix or dismiss this open code-scanning alert at or above high.'],
    ]);
    expect(report.problems).toEqual([]);
  });
});

describe('when, advisory checks and several kinds together', () => {
  const fullPolicy = `version: 1
release:
  branches: ["release/**"]
signoffs:
  security:
    users: [alice, bob]
  dba:
    users: [erin]
    when: { paths: ["db/migrations/**"] }
checks:
  - id: ci
    name: CI/CD pipeline passed
    ci: {}
  - id: reviews
    name: All code changes peer-reviewed
    reviews: { min: 1 }
  - id: changelog
    name: Release notes drafted
    files: { changed: ["CHANGELOG.md"] }
  - id: runbook
    name: Deployment runbook prepared
    files: { exists: ["docs/runbook.md"] }
  - id: rollback
    name: Rollback plan documented
    pr_body: { sections: ["Rollback plan"], matches: "CHG-[0-9]+" }
  - id: risk
    name: Risk level assessed
    labels: { none: ["do-not-merge"] }
  - id: migration
    name: Database migration tested (if applicable)
    signoff: dba
  - id: hotfix-only
    name: Hotfix approved by on-call
    labels: { all: ["on-call-approved"] }
    when: { branches: ["hotfix/**"] }
  - id: diagrams
    name: Architecture diagrams updated
    required: false
    files: { changed: ["docs/architecture/**"] }
`;

  const notMigration = 'Does not apply: the dba sign-off does not apply (no changed file matches `db/migrations/**`)';
  const notHotfix = 'Does not apply: the base branch `release/1.4` does not match `hotfix/**`';
  const noDiagrams = 'The PR does not change `docs/architecture/**`';
  const security = '1 of [alice](https://github.com/alice), [bob](https://github.com/bob)';

  it('goes from blocked to ready, with items that do not apply shown as such', async () => {
    const world = await newWorld({ policy: fullPolicy });
    const opened = await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: CHANGELOG.md not changed, docs/runbook.md missing, PR description incomplete; waiting for 1 sign-off (security), CI and 1 approval' });
    expect(checksShown(world)).toEqual([
      ['⏳', 'CI/CD pipeline passed', `No CI results on \`${short(world)}\` yet`],
      ['⏳', 'All code changes peer-reviewed', '0 of 1 approval'],
      ['❌', 'Release notes drafted', 'The PR does not change `CHANGELOG.md`'],
      ['❌', 'Deployment runbook prepared', `No file at \`${short(world)}\` matches \`docs/runbook.md\``],
      ['❌', 'Rollback plan documented', 'PR description: no `## Rollback plan` section; nothing matches the expected pattern `CHG-[0-9]+`'],
      ['✅', 'Risk level assessed', 'Labels: none of `do-not-merge`'],
      ['➖', 'Database migration tested (if applicable)', notMigration],
      ['➖', 'Hotfix approved by on-call', notHotfix],
      ['❌', 'Architecture diagrams updated _(advisory)_', noDiagrams],
    ]);
    expect(signoffsShown(world)).toEqual([
      ['⏳', '**security**', security, '—'],
      ['➖', '**dba**', '1 of [erin](https://github.com/erin)', 'Does not apply: no changed file matches `db/migrations/**`'],
    ]);
    expect(outcomes(reportOf(opened))).toEqual([
      ['ci', 'pending'],
      ['reviews', 'pending'],
      ['changelog', 'fail'],
      ['runbook', 'fail'],
      ['rollback', 'fail'],
      ['risk', 'pass'],
      ['migration', 'skipped'],
      ['hotfix-only', 'skipped'],
      ['diagrams', 'fail'],
    ]);

    world.fake.pushToPullRequest(REPO, world.pr, { 'CHANGELOG.md': '## 1.4.0\n- faster\n', 'docs/runbook.md': '# Runbook\n' });
    world.fake.setPullRequest(REPO, world.pr, { body: 'Change CHG-1234.\n\n## Rollback plan\nRevert the release tag and redeploy 1.3.\n' });
    world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    const approval = world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for 1 sign-off (security)' });

    const { id, result } = await world.comment('alice', '/signoff security');
    expect(result.outputs['state']).toBe('success');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'success', description: 'Ready: 6 checks pass, 1 sign-off in' });
    expect(world.gateComments()[0]!.body).toContain('## ✅ Ready to release');
    expect(checksShown(world)).toEqual([
      ['✅', 'CI/CD pipeline passed', `1 passed on \`${short(world)}\``],
      ['✅', 'All code changes peer-reviewed', `Approved by [bob](https://github.com/acme/rocket/pull/${world.pr}#pullrequestreview-${approval})`],
      ['✅', 'Release notes drafted', '`CHANGELOG.md` changed'],
      ['✅', 'Deployment runbook prepared', '`docs/runbook.md` present'],
      ['✅', 'Rollback plan documented', 'PR description: sections “Rollback plan” filled in; matches `CHG-[0-9]+`'],
      ['✅', 'Risk level assessed', 'Labels: none of `do-not-merge`'],
      ['➖', 'Database migration tested (if applicable)', notMigration],
      ['➖', 'Hotfix approved by on-call', notHotfix],
      // Advisory: shown as failing, and never blocks.
      ['❌', 'Architecture diagrams updated _(advisory)_', noDiagrams],
    ]);
    expect(signoffsShown(world)[0]).toEqual(['✅', '**security**', security, `[alice](https://github.com/alice) at 2026-11-21 09:00 UTC ([comment](https://github.com/acme/rocket/pull/${world.pr}#issuecomment-${id}))`]);
    const report = reportOf(result);
    expect(outcomes(report)).toEqual([
      ['ci', 'pass'],
      ['reviews', 'pass'],
      ['changelog', 'pass'],
      ['runbook', 'pass'],
      ['rollback', 'pass'],
      ['risk', 'pass'],
      ['migration', 'skipped'],
      ['hotfix-only', 'skipped'],
      ['diagrams', 'fail'],
    ]);
    expect(report.roles.map((role) => [role.role, role.outcome])).toEqual([
      ['security', 'pass'],
      ['dba', 'skipped'],
    ]);
  });

  it('a migration makes the dba role and its item apply', async () => {
    const world = await newWorld({ policy: fullPolicy });
    world.fake.pushToPullRequest(REPO, world.pr, { 'db/migrations/0042_add_index.sql': 'CREATE INDEX ...;\n' });
    const result = await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: CHANGELOG.md not changed, docs/runbook.md missing, PR description incomplete; waiting for 2 sign-offs, CI and 1 approval' });
    expect(checksShown(world)[6]).toEqual(['⏳', 'Database migration tested (if applicable)', 'Waiting for `/signoff dba`']);
    expect(signoffsShown(world)).toEqual([
      ['⏳', '**security**', security, '—'],
      ['⏳', '**dba**', '1 of [erin](https://github.com/erin)', '—'],
    ]);
    expect(world.gateComments()[0]!.body).toContain('- ⏳ `/signoff dba` by [erin](https://github.com/erin) — for 1 checklist item');
    const report = reportOf(result);
    expect(outcomes(report)).toEqual([
      ['ci', 'pending'],
      ['reviews', 'pending'],
      ['changelog', 'fail'],
      ['runbook', 'fail'],
      ['rollback', 'fail'],
      ['risk', 'pass'],
      ['migration', 'pending'],
      ['hotfix-only', 'skipped'],
      ['diagrams', 'fail'],
    ]);
    expect(report.roles.map((role) => [role.role, role.outcome])).toEqual([
      ['security', 'pending'],
      ['dba', 'pending'],
    ]);
  });
});
