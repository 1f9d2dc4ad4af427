import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { renderComment } from '../../src/core/render/render-comment.ts';
import { changed, checkRun, comment, review, snapshot, tree } from './builders.ts';

const roles = 'signoffs:\n  security:\n    users: [alice, bob]\n    teams: [acme/security]\n    min: 2\n  sre:\n    users: [carol]\n';

/** A policy from check items written as YAML list entries. */
const policy = (checks: string, signoffs = roles) => `version: 1\n${signoffs}checks:\n${checks}`;

/** The "What is missing" section of a comment. */
function missing(body: string): string {
  const start = body.indexOf('### What is missing\n');
  if (start < 0) return '';
  const end = body.indexOf('\n### ', start + 1);
  return body.slice(start, end < 0 ? undefined : end);
}

describe('what is missing', () => {
  it('comes right after the state, grouped by who acts', () => {
    const body = renderComment(
      evaluate(
        snapshot({
          policy: policy('  - id: ci\n    name: CI\n    ci: {}\n  - id: reviews\n    name: Reviewed\n    reviews: { min: 2 }\n  - id: notes\n    name: Release notes\n    files: { changed: [CHANGELOG.md] }\n'),
          checkRuns: [checkRun('build', 'completed', 'failure')],
          sources: { changedFiles: changed('src/a.ts') },
        }),
      ),
    );
    const headings = body.split('\n').filter((line) => /^#{2,3} /.test(line));
    expect(headings.slice(0, 2)).toEqual(['## ❌ Blocked — release readiness', '### What is missing']);
    const groups = missing(body)
      .split('\n')
      .filter((line) => line.startsWith('**'))
      .map((line) => line.slice(0, line.indexOf('**', 2) + 2));
    expect(groups).toEqual(['**PR author**', '**CI**', '**Reviewers**', '**Sign-offs**']);
  });

  it('links a failing CI job once, however many checks include it', () => {
    const checks = '  - id: build\n    name: Build passed\n    ci: { include: ["build*"] }\n  - id: all\n    name: All CI passed\n    ci: {}\n';
    const body = renderComment(evaluate(snapshot({ policy: policy(checks), checkRuns: [checkRun('build-linux', 'completed', 'failure'), checkRun('lint', 'completed', 'failure')] })));
    const lines = missing(body).split('\n').filter((line) => line.includes('Fix or re-run'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- ❌ Fix or re-run on `aaaaaaa`: \[`build-linux`\]\(https:\/\/[^)]+\), \[`lint`\]\([^)]+\) — 2 checklist items$/);
    // The checklist names the jobs; the links are above.
    expect(body.match(/\[`build-linux`\]/g)).toHaveLength(1);
    expect(body).toContain('| ❌ | Build passed | 1 failing: `build-linux` |');
  });

  it('says a fix that many items share once, with how many it serves', () => {
    const item = (index: number) => `  - id: label-${index}\n    name: Item ${index}\n    labels: { all: [approved] }\n`;
    const body = renderComment(evaluate(snapshot({ policy: policy([1, 2, 3].map(item).join('')) })));
    expect(missing(body)).toContain('- ❌ Add `approved` on the PR — 3 checklist items\n');
  });

  it('says in words what a PR description must hold, and shows the pattern only as evidence', () => {
    const checks = '  - id: ticket\n    name: Change ticket created\n    pr_body: { sections: ["Rollback plan"], matches: "CHG[0-9]+" }\n';
    const body = renderComment(evaluate(snapshot({ policy: policy(checks), pr: { body: '## Rollback plan\n\n<!-- later -->' } })));
    expect(missing(body)).toContain('- ❌ PR description sections to fill in, each under its `##` heading: `Rollback plan` — Change ticket created');
    expect(missing(body)).toContain('- ❌ Add to the PR description what this item asks for — Change ticket created');
    expect(missing(body)).not.toContain('CHG[0-9]+');
    expect(body).toContain('nothing matches the expected pattern `CHG[0-9]+`');
  });

  it('gives each role its command and who may still sign it', () => {
    const checks = '  - id: pentest\n    name: Pen test reviewed\n    signoff: security\n  - id: threat-model\n    name: Threat model reviewed\n    signoff: security\n';
    const body = renderComment(evaluate(snapshot({ policy: policy(checks), comments: [comment('alice', '/signoff security')] })));
    expect(missing(body)).toContain(
      '- ⏳ `/signoff security` by one of [bob](https://github.com/bob) or a member of `acme/security` (signed: [alice](https://github.com/alice)) — for 2 checklist items',
    );
    expect(missing(body)).toContain('- ⏳ `/signoff sre` by [carol](https://github.com/carol)\n');
  });

  it('marks what is advisory', () => {
    const checks = '  - id: diagrams\n    name: Diagrams updated\n    required: false\n    files: { exists: [docs/diagram.svg] }\n';
    const body = renderComment(evaluate(snapshot({ policy: policy(checks, ''), sources: { headTree: tree('src/a.ts') } })));
    expect(missing(body)).toContain('- ❌ Files to add (one matching each): `docs/diagram.svg` _(advisory: does not block)_ — Diagrams updated');
  });

  it('is not there when nothing is missing', () => {
    const body = renderComment(evaluate(snapshot({ reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')], comments: [comment('alice', '/signoff security'), comment('carol', '/signoff sre')] })));
    expect(body).toContain('## ✅ Ready to release');
    expect(body).not.toContain('What is missing');
  });
});

describe('the checklist of a long policy', () => {
  const sectioned = (section: string) =>
    policy(
      [
        `  - id: a\n    name: Item a\n    section: "${section}"\n    signoff: sre\n`,
        `  - id: b\n    name: Item b\n    section: "${section}"\n    signoff: sre\n`,
        `  - id: c\n    name: Item c\n    section: "${section}"\n    labels: { all: [x] }\n    when: { labels: [hotfix] }\n`,
        `  - id: d\n    name: Item d\n    section: "${section}"\n    labels: { all: [y] }\n    when: { labels: [hotfix] }\n`,
      ].join(''),
    );

  it('folds the items a sign-off attests, and those that do not apply, into one line each', () => {
    const body = renderComment(evaluate(snapshot({ policy: sectioned('Phase 1') })));
    expect(body).toContain('#### Phase 1 — 0 of 2 done');
    expect(body).toContain('<details><summary>⏳ 2 items wait for a sign-off: sre</summary>\n\n- `/signoff sre`: Item a; Item b\n\n</details>');
    expect(body).toContain('<details><summary>➖ 2 items do not apply</summary>\n\n- the PR has none of the labels `hotfix`: Item c; Item d\n\n</details>');
  });

  it('escapes a section title inside the HTML of a folded section', () => {
    const body = renderComment(evaluate(snapshot({ policy: sectioned('<img src=x> & co'), comments: [comment('carol', '/signoff sre')] })));
    expect(body).toContain('<summary>✅ <b>&lt;img src=x&gt; &amp; co</b> — 2 of 2 done</summary>');
    expect(body).not.toContain('<img');
  });
});
