import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { buildReport } from '../../src/core/report/build-report.ts';
import { renderComment } from '../../src/core/render/render-comment.ts';
import { alert, changed, checkRun, comment, forbidden, POLICY, review, snapshot } from './builders.ts';

/** The README's example and more: every kind of text the checks and the people decisions write. */
const policy = `${POLICY}  - id: labels
    name: Risk reviewed
    labels: { all: [risk-reviewed], none: [do-not-merge] }
  - id: runbook
    name: Runbook
    files: { changed: ["docs/runbook.md"] }
  - id: migration
    name: Migration tested
    labels: { all: [migrated] }
    when: { paths: ["db/*.sql"] }
  - id: deps
    name: Dependabot
    required: false
    dependabot: {}
waivers:
  by: [security]
`;

function blocked() {
  const evidence = snapshot({
    policy,
    checkRuns: [checkRun('build'), checkRun('test (ubuntu)', 'completed', 'failure')],
    reviews: [review('alice', 'APPROVED'), review('mallory', 'APPROVED')],
    comments: [comment('carol', '/signoff sre on-call paged'), comment('mallory', '/signoff security'), comment('alice', '> /signoff security'), comment('alice', '/waive nope it is fine')],
    pr: { labels: ['do-not-merge'] },
    sources: { changedFiles: changed('src/app.ts'), dependabotAlerts: forbidden('Dependabot alerts', 'Add `vulnerability-alerts: read` to the workflow’s `permissions:`.') },
  });
  return { evidence, evaluation: evaluate(evidence) };
}

describe('the report', () => {
  it('is plain text: markdown belongs to the comment', () => {
    const { evidence, evaluation } = blocked();
    expect(evaluation.state).toBe('failure');
    // The comment does say all this in markdown.
    expect(renderComment(evaluation)).toMatch(/`[^`]+`[\s\S]*\]\([\s\S]*\*\*[\s\S]*<details>/);
    const text = JSON.stringify(buildReport(evaluation, evidence));
    expect(text).not.toContain('`');
    expect(text).not.toContain('](');
    expect(text).not.toContain('**');
    expect(text).not.toContain('<details>');
  });

  it('says the same things, with links as "text (url)"', () => {
    const { evidence, evaluation } = blocked();
    const report = buildReport(evaluation, evidence);
    const check = (id: string) => report.checks.find((item) => item.id === id)!;
    expect(check('ci').summary).toMatch(/^1 failing: test \(ubuntu\) \(https:\/\/github\.com\/acme\/rocket\/runs\/\d+\) · 1 passed$/);
    expect(check('reviews').summary).toMatch(/^1 of 2 approvals: alice \(https:\/\/.*\) · mallory \(https:\/\/.*\) did not count: mallory has read permission; GitHub counts reviews only from people with write access$/);
    expect(check('labels')).toMatchObject({ summary: 'Labels: missing risk-reviewed; has do-not-merge', fix: 'Add risk-reviewed and remove do-not-merge on the PR.' });
    expect(check('migration').summary).toBe('Does not apply: no changed file matches db/*.sql');
    expect(check('deps')).toMatchObject({ outcome: 'unknown', fix: 'Add vulnerability-alerts: read to the workflow’s permissions:.' });
    expect(report.problems).toEqual([expect.objectContaining({ what: 'Dependabot alerts', fix: 'Add vulnerability-alerts: read to the workflow’s permissions:.' })]);
    expect(report.ledger.filter((entry) => !entry.counts).map((entry) => entry.reason)).toEqual(['mallory is not in role security', 'it is inside a quote', 'there is no check nope (checks: ci, reviews, on-call, labels, runbook, migration, deps)']);
  });

  it('names alerts with their links', () => {
    const evidence = snapshot({ policy: 'version: 1\nchecks:\n  - { id: deps, name: Deps, dependabot: {} }\n', sources: { dependabotAlerts: { ok: true, value: [alert(1, 'critical')] } } });
    const report = buildReport(evaluate(evidence), evidence);
    expect(report.checks[0]!.summary).toBe('1 open Dependabot alert at or above high (at most 0): #1 advisory 1 (https://github.com/acme/rocket/security/alerts/1)');
  });
});
