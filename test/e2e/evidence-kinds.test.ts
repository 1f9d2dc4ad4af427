import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gatePermissions } from '../fake-github/index.ts';
import { issueCommentEvent, pullRequestEvent, workflowRunCompletedEvent } from '../support/payloads.ts';
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
    expect(coverageStatus(world)).toMatchObject({ state: 'success', description });
    // Recording does not evaluate: the CI job's own check run is still running.
    expect(world.gateStatuses()).toEqual([]);
  });

  it('is recorded by the CI run and read back by a later, comment-triggered run', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 75 }\n') });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]!.description).toBe('Blocked: coverage pending');
    await recordCoverage(world, 'c8-lcov.info');
    const { result } = await world.comment('erin', 'Any news?');
    expect(result.outputs['state']).toBe('success');
    expect(world.gateComments()[0]!.body).toMatch(/76\.5% of lines from \[`release-readiness\/coverage`\]\(https:\/\/github\.com\/acme\/rocket\/actions\/runs\/\d+\) \(minimum 75%\)/);
    const reads = world.fake.requests.filter((r) => r.path.endsWith('/statuses') && r.method === 'GET');
    expect(reads.length).toBeGreaterThan(0);
  });

  it('below the minimum: failure, with the figure', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 80 }\n') });
    await recordCoverage(world, 'c8-lcov.info');
    await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: coverage 76.5% < 80%' });
  });

  it('a missing report fails the CI step, and the gate blocks instead of waiting', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 80 }\n') });
    const result = await recordCoverage(world, 'no-such-report.info');
    expect(result.exitCode).toBe(1);
    expect(logOf(result)).toContain('no-such-report.info: no such file');
    expect(coverageStatus(world)!.state).toBe('error');
    await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]!.state).toBe('error');
    expect(world.gateComments()[0]!.body).toContain('Fix the `coverage-file` step of the CI job');
  });

  it('from another tool’s check run, re-evaluated when its workflow completes', async () => {
    const world = await newWorld({ policy: policyWith('  - id: coverage\n    name: Code coverage maintained\n    coverage: { min: 80, from: coverage-report }\n') });
    world.fake.addCheckRun(REPO, world.head(), { name: 'coverage-report', status: 'completed', conclusion: 'success', output: { title: 'Coverage 91.3%', summary: 'All good' } });
    await world.gate('workflow_run', workflowRunCompletedEvent(world.fake, REPO, { headSha: world.head() }));
    expect(world.gateStatuses()[0]!.state).toBe('success');
  });
});

describe('security alerts fail closed', () => {
  it.each<[string, string, RegExp]>([
    ['dependabot', 'dependabot: { severity: high }', /Could not read Dependabot alerts.*Add `vulnerability-alerts: read`/s],
    ['secret scanning', 'secret_scanning: {}', /Could not read secret-scanning alerts.*cannot read secret-scanning alerts: pass a GitHub App installation token/s],
    ['code scanning', 'code_scanning: {}', /Could not read code-scanning alerts of #1.*Add `security-events: read`/s],
  ])('%s: a 403 is unknown, blocks, and names the permission', async (_name, check, explanation) => {
    const world = await newWorld({ policy: policyWith(`  - id: alerts\n    name: No critical or high vulnerabilities\n    ${check}\n`) });
    const result = await world.gateOnPullRequest();
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'error' });
    expect(world.gateStatuses()[0]!.description).toMatch(/^Cannot evaluate: cannot read /);
    expect(world.gateComments()[0]!.body).toMatch(explanation);
  });

  it('with a security-token, alerts are read and counted', async () => {
    const world = await newWorld({
      policy: policyWith('  - id: deps\n    name: Dependency vulnerabilities scanned\n    dependabot: { severity: high }\n  - id: secrets\n    name: No leaked secrets\n    secret_scanning: {}\n  - id: sast\n    name: Static code analysis passed\n    code_scanning: { tool: CodeQL }\n'),
    });
    world.fake.addToken('ghs_app', { actor: 'github-actions[bot]', kind: 'app', permissions: { vulnerability_alerts: 'read', secret_scanning_alerts: 'read', security_events: 'read' } });
    world.fake.addDependabotAlert(REPO, { severity: 'critical', packageName: 'lodash', summary: 'Prototype Pollution' });
    world.fake.addDependabotAlert(REPO, { severity: 'low', packageName: 'debug' });
    world.fake.addCodeScanningAlert(REPO, { ref: `refs/pull/${world.pr}/merge`, ruleId: 'js/sql-injection', ruleSeverity: 'error', securitySeverityLevel: 'high' });
    const result = await world.gate('issue_comment', issueCommentEvent(world.fake, world.fake.addComment(REPO, world.pr, { user: 'erin', body: 'ping' }).id, 'created'), {
      inputs: { 'security-token': 'ghs_app' },
    });
    expect(result.exitCode, logOf(result)).toBe(0);
    const body = world.gateComments()[0]!.body!;
    expect(body).toMatch(/1 open Dependabot alert at or above high \(at most 0\): \[#1 lodash: Prototype Pollution\]/);
    expect(body).toContain('0 open secret-scanning alerts');
    expect(body).toMatch(/1 open code-scanning alert at or above high/);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: 1 deps alert; 1 sast alert' });
    // ghs_gate (the GITHUB_TOKEN) has none of the alert permissions: the reads above went with the security token.
    expect(Object.keys(gatePermissions)).not.toContain('vulnerability_alerts');
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

  it('goes from blocked to ready, with items that do not apply shown as such', async () => {
    const world = await newWorld({ policy: fullPolicy });
    await world.gateOnPullRequest();
    let body = world.gateComments()[0]!.body!;
    expect(world.gateStatuses()[0]!.state).toBe('failure');
    expect(body).toContain('Does not apply: no changed file matches `db/migrations/**`');
    expect(body).toContain('Does not apply: the base branch `release/1.4` does not match `hotfix/**`');
    expect(body).toContain('Architecture diagrams updated _(advisory)_');

    world.fake.pushToPullRequest(REPO, world.pr, { 'CHANGELOG.md': '## 1.4.0\n- faster\n', 'docs/runbook.md': '# Runbook\n' });
    world.fake.setPullRequest(REPO, world.pr, { body: 'Change CHG-1234.\n\n## Rollback plan\nRevert the release tag and redeploy 1.3.\n' });
    world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Blocked: waiting for sign-off: security' });

    const { result } = await world.comment('alice', '/signoff security');
    expect(result.outputs['state']).toBe('success');
    body = world.gateComments()[0]!.body!;
    expect(body).toContain('✅ Ready to release');
    expect(body).toMatch(/❌ \| Architecture diagrams updated _\(advisory\)_/);
  });

  it('a migration makes the dba role and its item apply', async () => {
    const world = await newWorld({ policy: fullPolicy });
    world.fake.pushToPullRequest(REPO, world.pr, { 'db/migrations/0042_add_index.sql': 'CREATE INDEX ...;\n' });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]!.description).toContain('waiting for sign-off: security, dba');
    expect(world.gateComments()[0]!.body).toContain('Waiting for sign-off: dba');
  });
});
