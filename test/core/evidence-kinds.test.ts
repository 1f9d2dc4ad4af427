import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import type { CheckResult } from '../../src/core/model/check-result.ts';
import type { EvidenceSnapshot } from '../../src/core/evidence/snapshot.ts';
import type { pullRequest} from './builders.ts';
import { alert, changed, checkRun, forbidden, gateStatus, snapshot, status, tree, type SnapshotOptions } from './builders.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';

/** One check of a kind under test, in an otherwise empty policy. */
function only(check: string, options: SnapshotOptions & { sources?: EvidenceSnapshot['sources'] } = {}): CheckResult {
  const policy = `version: 1\nchecks:\n  - id: item\n    name: Item\n${check.replace(/^/gm, '    ')}\n`;
  const result = evaluate(snapshot({ ...options, policy }));
  expect(result.configErrors).toEqual([]);
  return result.checks[0]!;
}

/** Recorded by the CI job with the GITHUB_TOKEN: as the gate's own identity. */
const coverageStatus = (description: string, state = 'success', by = 'github-actions[bot]') => status('release-readiness/coverage', state, { description, creator: { login: by, type: by.endsWith('[bot]') ? 'Bot' : 'User' } });
const by = (login: string) => ({ creator: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } });

describe('ci and coverage from the expected writer', () => {
  const jenkins = (state: string, login: string) => status('ci/jenkins', state, by(login));
  it.each<[string, string, SnapshotOptions, string, RegExp, string?]>([
    ['a CI context turned green by another account: suspect, naming both', 'ci: {}', { statuses: [jenkins('success', 'mallory'), jenkins('failure', 'jenkins-bot')] }, 'fail', /^Suspect: `ci\/jenkins` \(written by mallory and jenkins-bot\)/],
    ['one writer: its latest status counts', 'ci: {}', { statuses: [jenkins('success', 'jenkins-bot'), jenkins('failure', 'jenkins-bot')] }, 'pass', /passed/],
    ['the named writer counts; another account is ignored and shown', 'ci: {}', { statuses: [jenkins('success', 'mallory'), jenkins('failure', 'jenkins-bot')] }, 'fail', /1 failing: .*ci\/jenkins.* not counted: `ci\/jenkins` from mallory/, 'writers:\n  "ci/*": [jenkins-bot]\n'],
    ['a check run of the required name from another App: suspect', 'ci: { include: [build] }', { checkRuns: [checkRun('build', 'completed', 'failure'), { ...checkRun('build'), appSlug: 'spoof-ci' }] }, 'fail', /`build` \(written by github-actions\[bot\] and spoof-ci\[bot\]\)/],
    ['a check run pinned to its App: another App’s is ignored', 'ci: { include: [build] }', { checkRuns: [{ ...checkRun('build'), appSlug: 'spoof-ci' }] }, 'pending', /`build` \(not reported yet\).*not counted: `build` from spoof-ci\[bot\]/, 'writers:\n  build: [github-actions]\n'],
    ['a recorded figure by a named writer counts', 'coverage: { min: 80 }', { statuses: [coverageStatus('84.2% of lines (lcov) · 842/1000', 'success', 'ci-bot')] }, 'pass', /84\.2%/, 'writers:\n  release-readiness/coverage: [ci-bot]\n'],
  ])('%s', (_name, check, options, outcome, summary, writers = '') => {
    const policy = `version: 1\n${writers}checks:\n  - id: item\n    name: Item\n${check.replace(/^/gm, '    ')}\n`;
    const result = evaluate(snapshot({ ...options, checkRuns: options.checkRuns ?? [], policy }));
    expect(result.configErrors).toEqual([]);
    expect(result.checks[0]!.outcome).toBe(outcome);
    expect(toMarkdown(result.checks[0]!.summary)).toMatch(summary);
  });
});

describe('coverage', () => {
  it.each<[string, string, SnapshotOptions, string, RegExp]>([
    ['recorded figure above the minimum', 'coverage: { min: 80 }', { statuses: [coverageStatus('84.2% of lines (lcov) · 842/1000'), gateStatus()] }, 'pass', /84\.2% of lines .* \(minimum 80%\)/],
    ['recorded figure below the minimum', 'coverage: { min: 80 }', { statuses: [coverageStatus('78.0% of lines (lcov) · 780/1000')] }, 'fail', /78\.0% of lines .* below the minimum 80%/],
    ['exact counts decide, not the rounded text', 'coverage: { min: 80 }', { statuses: [coverageStatus('80.0% of lines (lcov) · 7999/10000')] }, 'fail', /79\.9%/],
    ['nothing recorded yet', 'coverage: { min: 80 }', { statuses: [gateStatus()] }, 'pending', /no coverage recorded on `aaaaaaa` yet/],
    ['the recording run could not read its report', 'coverage: { min: 80 }', { statuses: [coverageStatus('Unreadable report: coverage.xml: no such file', 'error')] }, 'unknown', /reports error: Unreadable report/],
    ['another tool’s status', 'coverage: { min: 80, from: codecov/project }', { statuses: [status('codecov/project', 'success', { description: '85.12% (+0.10%) compared to 1a2b3c4' })] }, 'pass', /85\.1%/],
    ['another tool’s status without a percentage', 'coverage: { min: 80, from: codecov/project }', { statuses: [status('codecov/project', 'success', { description: 'Coverage not affected' })] }, 'unknown', /reports no percentage/],
    ['another tool still running', 'coverage: { min: 80, from: codecov/project }', { statuses: [status('codecov/project', 'pending')] }, 'pending', /still running/],
    ['a check run’s summary', 'coverage: { min: 80, from: coverage }', { checkRuns: [{ ...checkRun('coverage'), outputTitle: 'Coverage 91.3%' }] }, 'pass', /91\.3%/],
    ['a recorded figure posted by a person does not count', 'coverage: { min: 80 }', { statuses: [coverageStatus('99.0% of lines (lcov) · 990/1000', 'success', 'dave')] }, 'pending', /no coverage recorded .* from dave does not count/],
    ['a person’s figure on top of the gate’s: the gate’s counts', 'coverage: { min: 80 }', { statuses: [coverageStatus('99.0% of lines (lcov) · 990/1000', 'success', 'dave'), coverageStatus('78.0% of lines (lcov) · 780/1000')] }, 'fail', /78\.0%/],
    ['another tool written by two accounts: suspect', 'coverage: { min: 80, from: codecov/project }', { statuses: [status('codecov/project', 'success', { description: '95%', ...by('mallory') }), status('codecov/project', 'success', { description: '70%', ...by('codecov[bot]') })] }, 'fail', /^Suspect: `codecov\/project` was written by mallory and codecov\[bot\]/],
  ])('%s', (_name, check, options, outcome, summary) => {
    const result = only(check, options);
    expect(result.outcome).toBe(outcome);
    expect(toMarkdown(result.summary)).toMatch(summary);
  });

  it.each<[string, string, string, RegExp]>([
    ['a drop within the limit', '84.0% of lines (lcov) · 840/1000', 'pass', /84\.2% of lines .* 84\.0% on `release\/1\.4`/],
    ['a drop past the limit', '85.5% of lines (lcov) · 855/1000', 'fail', /down 1\.30 points from 85\.5% on `release\/1\.4` \(at most 0\.5 allowed\)/],
  ])('max_drop: %s', (_name, base, outcome, summary) => {
    const result = only('coverage: { min: 80, max_drop: 0.5 }', {
      statuses: [coverageStatus('84.2% of lines (lcov) · 842/1000')],
      sources: { baseStatuses: { ok: true, value: [coverageStatus(base)] } },
    });
    expect(result.outcome).toBe(outcome);
    expect(toMarkdown(result.summary)).toMatch(summary);
  });

  it('max_drop with nothing recorded on the base branch cannot be measured: unknown', () => {
    const result = only('coverage: { min: 80, max_drop: 0.5 }', { statuses: [coverageStatus('84.2% of lines (lcov) · 842/1000')], sources: { baseStatuses: { ok: true, value: [] } } });
    expect(result.outcome).toBe('unknown');
    expect(toMarkdown(result.fix ?? [])).toMatch(/Record coverage on `release\/1\.4`/);
  });
});

describe('security alerts', () => {
  it.each<[string, string, EvidenceSnapshot['sources'], string, RegExp]>([
    ['no Dependabot alert at or above high', 'dependabot: { severity: high }', { dependabotAlerts: { ok: true, value: [alert(1, 'medium'), alert(2, 'low')] } }, 'pass', /0 open Dependabot alerts at or above high \(at most 0\)/],
    ['a critical Dependabot alert', 'dependabot: { severity: high }', { dependabotAlerts: { ok: true, value: [alert(1, 'critical'), alert(2, 'low')] } }, 'fail', /1 open Dependabot alert at or above high \(at most 0\): \[#1 advisory 1\]/],
    ['within max', 'dependabot: { severity: medium, max: 2 }', { dependabotAlerts: { ok: true, value: [alert(1, 'medium'), alert(2, 'high')] } }, 'pass', /2 open/],
    ['scope: runtime ignores development dependencies', 'dependabot: { scope: runtime }', { dependabotAlerts: { ok: true, value: [alert(1, 'high', { scope: 'development' })] } }, 'pass', /0 open/],
    ['scope: runtime still counts an alert of unknown scope', 'dependabot: { scope: runtime }', { dependabotAlerts: { ok: true, value: [alert(1, 'high', { scope: null })] } }, 'fail', /1 open/],
    ['Dependabot alerts unreadable', 'dependabot: {}', { dependabotAlerts: forbidden('Dependabot alerts', 'Add `vulnerability-alerts: read`.') }, 'unknown', /Could not read Dependabot alerts/],
    ['a leaked secret', 'secret_scanning: {}', { secretScanningAlerts: { ok: true, value: [alert(3, null, { title: 'AWS Access Key ID' })] } }, 'fail', /1 open secret-scanning alert \(at most 0\): \[#3 AWS Access Key ID\]/],
    ['no secrets', 'secret_scanning: {}', { secretScanningAlerts: { ok: true, value: [] } }, 'pass', /0 open secret-scanning alerts/],
    ['code scanning: only the named tool', 'code_scanning: { tool: CodeQL }', { codeScanningAlerts: { ok: true, value: [alert(4, 'high', { tool: 'Semgrep' }), alert(5, 'low', { tool: 'CodeQL' })] } }, 'pass', /0 open code-scanning alerts at or above high/],
    ['code scanning: a high alert', 'code_scanning: {}', { codeScanningAlerts: { ok: true, value: [alert(4, 'high', { tool: 'CodeQL' })] } }, 'fail', /1 open code-scanning alert /],
  ])('%s', (_name, check, sources, outcome, summary) => {
    const result = only(check, { sources });
    expect(result.outcome).toBe(outcome);
    expect(toMarkdown(result.summary)).toMatch(summary);
  });
});

describe('files, PR description and labels', () => {
  it.each<[string, string, SnapshotOptions, string, RegExp]>([
    ['a runbook exists', 'files: { exists: ["docs/runbook.md"] }', { sources: { headTree: tree('docs/runbook.md', 'src/a.ts') } }, 'pass', /`docs\/runbook.md` present/],
    ['a runbook is missing', 'files: { exists: ["docs/runbook.md"] }', { sources: { headTree: tree('src/a.ts') } }, 'fail', /No file at `aaaaaaa` matches `docs\/runbook.md`/],
    ['a cut-short tree cannot prove absence', 'files: { exists: ["docs/runbook.md"] }', { sources: { headTree: { ok: true, value: { paths: ['src/a.ts'], truncated: true } } } }, 'unknown', /too large/],
    ['the changelog is changed', 'files: { changed: ["CHANGELOG.md"] }', { sources: { changedFiles: changed('CHANGELOG.md', 'src/a.ts') } }, 'pass', /`CHANGELOG.md` changed/],
    ['the changelog is not changed', 'files: { changed: ["CHANGELOG.md"] }', { sources: { changedFiles: changed('src/a.ts') } }, 'fail', /does not change `CHANGELOG.md`/],
    ['a filled-in rollback plan and a ticket', 'pr_body: { sections: ["Rollback plan"], matches: "[A-Z]+-[0-9]+" }', { pr: { body: 'Fixes OPS-42\n\n## Rollback plan\nRevert the deploy with `kubectl rollout undo`.\n' } }, 'pass', /sections “Rollback plan” filled in; matches/],
    ['a section left as the template’s comment', 'pr_body: { sections: ["Rollback plan"] }', { pr: { body: '## Rollback plan\n<!-- How do we undo this? -->\n\n## Notes\nnone' } }, 'fail', /the `Rollback plan` section is empty/],
    ['a missing section', 'pr_body: { sections: ["Rollback plan"] }', { pr: { body: '## Summary\nStuff' } }, 'fail', /no `## Rollback plan` section/],
    ['a heading inside a code block is not a section', 'pr_body: { sections: ["Rollback plan"] }', { pr: { body: '```\n## Rollback plan\nx\n```' } }, 'fail', /no `## Rollback plan` section/],
    ['no ticket', 'pr_body: { matches: "[A-Z]+-[0-9]+" }', { pr: { body: 'no ticket here' } }, 'fail', /nothing matches/],
    ['required and forbidden labels', 'labels: { all: [risk-reviewed], none: [do-not-merge] }', { pr: { labels: ['risk-reviewed'] } }, 'pass', /has `risk-reviewed`; none of `do-not-merge`/],
    ['a do-not-merge label', 'labels: { none: [do-not-merge] }', { pr: { labels: ['do-not-merge'] } }, 'fail', /has `do-not-merge`/],
  ])('%s', (_name, check, options, outcome, summary) => {
    const result = only(check, options);
    expect(result.outcome).toBe(outcome);
    expect(toMarkdown(result.summary)).toMatch(summary);
  });
});

describe('when: items that apply only sometimes', () => {
  const migration = 'signoff: dba\nwhen: { paths: ["db/migrations/**"] }';
  const policy = (check: string) => `version: 1\nsignoffs:\n  dba:\n    users: [erin]\n    when: { paths: ["db/migrations/**"] }\nchecks:\n  - id: migration\n    name: Database migration tested\n${check.replace(/^/gm, '    ')}\n`;

  it.each<[string, SnapshotOptions, string, RegExp]>([
    ['paths: no migration changed → does not apply, and says why', { sources: { changedFiles: changed('src/a.ts') } }, 'skipped', /Does not apply: .*no changed file matches `db\/migrations\/\*\*`/],
    ['paths: a migration changed → applies', { sources: { changedFiles: changed('db/migrations/0042_add.sql') } }, 'pending', /Waiting for `\/signoff dba`/],
    ['paths: changed files unreadable → unknown', { sources: { changedFiles: forbidden('changed files') } }, 'unknown', /Could not read changed files/],
  ])('%s', (_name, options, outcome, summary) => {
    const result = evaluate(snapshot({ ...options, policy: policy(migration) }));
    expect(result.checks[0]!.outcome).toBe(outcome);
    expect(toMarkdown(result.checks[0]!.summary)).toMatch(summary);
  });

  it('a role that does not apply is not waited for', () => {
    const result = evaluate(snapshot({ sources: { changedFiles: changed('src/a.ts') }, policy: policy(migration) }));
    expect(result.roles[0]).toMatchObject({ role: 'dba', outcome: 'skipped' });
    expect(result.state).toBe('success');
  });

  it.each<[string, string, Partial<Parameters<typeof pullRequest>[0]>, string]>([
    ['labels: applies with the label', 'labels: [database]', { labels: ['database'] }, 'fail'],
    ['labels: skipped without it', 'labels: [database]', { labels: [] }, 'skipped'],
    ['branches: applies on a matching base', 'branches: ["release/**"]', {}, 'fail'],
    ['branches: skipped on another base', 'branches: ["hotfix/**"]', {}, 'skipped'],
  ])('%s', (_name, when, pr, outcome) => {
    const result = only(`labels: { all: [tested] }\nwhen: { ${when} }`, { pr });
    expect(result.outcome).toBe(outcome);
  });
});

describe('advisory checks', () => {
  it('are shown but never block', () => {
    const policy = 'version: 1\nchecks:\n  - id: notes\n    name: Release notes drafted\n    required: false\n    files: { changed: ["CHANGELOG.md"] }\n';
    const result = evaluate(snapshot({ policy, sources: { changedFiles: changed('src/a.ts') } }));
    expect(result.checks[0]).toMatchObject({ outcome: 'fail', required: false });
    expect(result.state).toBe('success');
  });
});

describe('globs', () => {
  it('a glob matches only what it names, wherever it is used', () => {
    const result = only('files: { exists: ["docs/runbook.md"] }', { sources: { headTree: tree('README.md', 'src/a.ts', 'src/b.ts') } });
    expect(result.outcome).toBe('fail');
  });
});
