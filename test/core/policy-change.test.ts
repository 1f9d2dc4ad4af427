import { describe, expect, it } from 'vitest';
import { lookupReader } from '../../src/core/evidence/lookups.ts';
import type { ChangedFileFact, Readable, ChangedFilesFact } from '../../src/core/evidence/snapshot.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import type { PolicyChange } from '../../src/core/model/evaluation.ts';
import { diffPolicies, policyChange } from '../../src/core/policy/policy-change.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';
import { changed, forbidden, POLICY } from './builders.ts';
import { parsedPolicy } from './decision-input.ts';

const PATH = '.github/readiness.yml';
const BASE = parsedPolicy(POLICY);

const files = (list: ChangedFileFact[], truncated = false): Readable<ChangedFilesFact> => ({ ok: true, value: { files: list, truncated } });
const file = (path: string, status = 'modified', previousPath: string | null = null): ChangedFileFact => ({ path, status, previousPath });
/** GitHub's 3,000 listed files, none of them the policy. */
const TRUNCATED = files([file('src/app.ts')], true);

/** The PR's version of the policy: its text, null when the PR deletes it, or a read error. */
const head = (text: string | null): Readable<string | null> => ({ ok: true, value: text });

/** One more check at the end of the README's example. */
const WITH_RUNBOOK = `${POLICY}  - id: runbook\n    name: Runbook written\n    files: { exists: ["docs/runbook.md"] }\n`;

interface Row {
  name: string;
  changedFiles: Readable<ChangedFilesFact> | undefined;
  /** The head's readiness.yml as the follow-up read it; absent when it was not read. */
  headPolicy?: Readable<string | null>;
  path?: string;
  /** The effects as the living comment shows them. */
  expected: (Omit<PolicyChange, 'effects'> & { effects: string[] }) | null;
  /** Whether the head's copy must be read (and was asked for when missing). */
  asksForHead: boolean;
}

const rows: Row[] = [
  // Does the PR touch the policy?
  { name: 'the changed files were not needed (not read): no change to tell', changedFiles: undefined, expected: null, asksForHead: false },
  {
    name: 'the changed files cannot be read: cannot tell, a problem',
    changedFiles: forbidden('the files of #7'),
    expected: { effects: [], problem: 'cannot tell whether this PR changes .github/readiness.yml: GitHub answered 403 Resource not accessible by integration' },
    asksForHead: false,
  },
  { name: 'the PR changes other files only', changedFiles: changed('src/app.ts', 'CHANGELOG.md'), expected: null, asksForHead: false },
  { name: 'a file of the same name elsewhere is not the policy', changedFiles: changed('docs/.github/readiness.yml', '.github/readiness.yaml'), expected: null, asksForHead: false },
  { name: 'another policy path, configured: that one counts', path: '.github/release.yml', changedFiles: changed(PATH), expected: null, asksForHead: false },

  // The PR changes it: what its version says.
  { name: 'changed, its version not read yet: a problem, and the read is asked for', changedFiles: changed(PATH), expected: { effects: [], problem: 'this PR’s version of .github/readiness.yml was not read' }, asksForHead: true },
  {
    name: 'changed, its version cannot be read',
    changedFiles: changed(PATH),
    headPolicy: forbidden('.github/readiness.yml at aaaaaaa'),
    expected: { effects: [], problem: 'this PR’s version of .github/readiness.yml could not be read: GitHub answered 403 Resource not accessible by integration' },
    asksForHead: true,
  },
  {
    name: 'deleted',
    changedFiles: files([file(PATH, 'removed')]),
    headPolicy: head(null),
    expected: { effects: ['delete the policy: every release PR on this branch would then be ungated (an error)'] },
    asksForHead: true,
  },
  {
    name: 'renamed away (listed under its previous name): deleted',
    changedFiles: files([file('.github/readiness.yaml', 'renamed', PATH)]),
    headPolicy: head(null),
    expected: { effects: ['delete the policy: every release PR on this branch would then be ungated (an error)'] },
    asksForHead: true,
  },
  {
    name: 'renamed into place from another name: its content is diffed',
    changedFiles: files([file(PATH, 'renamed', '.github/old-readiness.yml')]),
    headPolicy: head(WITH_RUNBOOK),
    expected: { effects: ['add check `runbook`'] },
    asksForHead: true,
  },
  { name: 'listed as added (the base branch got it after the PR branched): diffed like a change', changedFiles: files([file(PATH, 'added')]), headPolicy: head(WITH_RUNBOOK), expected: { effects: ['add check `runbook`'] }, asksForHead: true },
  {
    name: 'made invalid YAML',
    changedFiles: changed(PATH),
    headPolicy: head('version: 1\nchecks: [\n'),
    expected: { effects: [], problem: 'this PR makes .github/readiness.yml invalid: .github/readiness.yml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]' },
    asksForHead: true,
  },
  {
    name: 'made invalid by the schema: the first error, positioned',
    changedFiles: changed(PATH),
    headPolicy: head(POLICY.replace('reviews: { min: 2 }', 'reviews: { min: 0 }')),
    expected: { effects: [], problem: 'this PR makes .github/readiness.yml invalid: .github/readiness.yml:15:21: checks[1].reviews.min: must be at least 1' },
    asksForHead: true,
  },
  { name: 'listed with the very same text (a mode change): no effect', changedFiles: changed(PATH), headPolicy: head(POLICY), expected: { effects: [] }, asksForHead: true },
  { name: 'only comments and formatting changed: no effect', changedFiles: changed(PATH), headPolicy: head(`# The release gate.\n${POLICY.replace('reviews: { min: 2 }', 'reviews:\n      min: 2')}`), expected: { effects: [] }, asksForHead: true },
  { name: 'a check added', changedFiles: changed(PATH), headPolicy: head(WITH_RUNBOOK), expected: { effects: ['add check `runbook`'] }, asksForHead: true },

  // Past GitHub's 3,000 listed files, the head's own copy says whether it changed.
  { name: 'past 3,000 files, the head’s copy is the base’s: no change', changedFiles: TRUNCATED, headPolicy: head(POLICY), expected: null, asksForHead: true },
  { name: 'past 3,000 files, the head’s copy differs: diffed', changedFiles: TRUNCATED, headPolicy: head(WITH_RUNBOOK), expected: { effects: ['add check `runbook`'] }, asksForHead: true },
  { name: 'past 3,000 files, the head’s copy not read yet: a problem', changedFiles: TRUNCATED, expected: { effects: [], problem: 'this PR’s version of .github/readiness.yml was not read' }, asksForHead: true },
  {
    name: 'past 3,000 files, the head’s copy cannot be read: a problem',
    changedFiles: TRUNCATED,
    headPolicy: forbidden('.github/readiness.yml at aaaaaaa'),
    expected: { effects: [], problem: 'this PR’s version of .github/readiness.yml could not be read: GitHub answered 403 Resource not accessible by integration' },
    asksForHead: true,
  },
  {
    name: 'past 3,000 files, the head has none: deleted',
    changedFiles: TRUNCATED,
    headPolicy: head(null),
    expected: { effects: ['delete the policy: every release PR on this branch would then be ungated (an error)'] },
    asksForHead: true,
  },
];

describe('policyChange', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const lookups = lookupReader(row.headPolicy === undefined ? {} : { headPolicy: row.headPolicy });
    const change = policyChange(row.path ?? PATH, BASE, POLICY, row.changedFiles, lookups, parseConfig);
    expect(change && { ...change, effects: change.effects.map(toMarkdown) }).toEqual(row.expected);
    // Asked for exactly when it is needed and was not there.
    expect(lookups.missing()).toEqual(row.asksForHead && row.headPolicy === undefined ? [{ kind: 'headPolicy' }] : []);
  });
});

/** A variant of the README's example, edited at one place. */
const edit = (from: string, to: string) => {
  if (!POLICY.includes(from)) throw new Error(`the example has no ${JSON.stringify(from)}`);
  return POLICY.replace(from, to);
};

const diffRows: [name: string, head: string, effects: string[]][] = [
  ['identical', POLICY, []],
  ['defaults written out', edit('reviews: { min: 2 }', 'reviews: { min: 2 }\n    required: true').replace('users: [carol]', 'users: [carol]\n    min: 1\n    allow_author: false'), []],
  ['checks reordered (the comment’s order only)', edit('  - id: ci\n    name: CI/CD pipeline passed\n    ci: {}\n', '').replace('    signoff: sre\n', '    signoff: sre\n  - id: ci\n    name: CI/CD pipeline passed\n    ci: {}\n'), []],
  ['a check added', WITH_RUNBOOK, ['add check `runbook`']],
  ['a check removed', edit('  - id: reviews\n    name: Code peer-reviewed\n    reviews: { min: 2 }\n', ''), ['remove check `reviews`']],
  ['a check weakened', edit('reviews: { min: 2 }', 'reviews: { min: 1 }'), ['change check `reviews`']],
  ['a check made advisory', edit('reviews: { min: 2 }', 'reviews: { min: 2 }\n    required: false'), ['change check `reviews`']],
  ['a check given a condition', edit('    ci: {}\n', '    ci: {}\n    when: { labels: [risky] }\n'), ['change check `ci`']],
  ['a check renamed only in its title', edit('name: CI/CD pipeline passed', 'name: CI passed'), ['change check `ci`']],
  ['a check’s id renamed: one removed, one added', edit('id: on-call', 'id: oncall'), ['add check `oncall`', 'remove check `on-call`']],
  ['a role added', edit('  sre:\n', '  dba:\n    users: [erin]\n  sre:\n'), ['add role `dba`']],
  ['a role removed (and its check)', edit('  sre:\n    users: [carol]\n', '').replace('  - id: on-call\n    name: On-call engineers alerted\n    signoff: sre\n', ''), ['remove check `on-call`', 'remove role `sre`']],
  ['a role’s people changed', edit('users: [alice, bob]', 'users: [alice, mallory]'), ['change role `security`']],
  ['a role opened to the author', edit('users: [carol]', 'users: [carol]\n    allow_author: true'), ['change role `sre`']],
  ['which PRs are release PRs', edit('branches: ["release/**"]', 'branches: ["release/**", "hotfix/**"]'), ['change `release`']],
  ['one person for two roles', `${POLICY}distinct_signers: false\n`, ['change `distinct_signers`']],
  ['waivers enabled', `${POLICY}waivers:\n  by: [security]\n`, ['change `waivers`']],
  ['policy changes need a sign-off', `${POLICY}policy_change:\n  signoff: security\n`, ['change `policy_change`']],
  ['reminders', `${POLICY}remind_after: 24h\n`, ['change `remind_after`']],
  ['non-release PRs get a success', `${POLICY}non_release_status: success\n`, ['change `non_release_status`']],
  [
    'several at once: checks, then roles, then settings',
    edit('reviews: { min: 2 }', 'reviews: { min: 1 }').replace('  sre:\n    users: [carol]\n', '  sre:\n    users: [carol, erin]\n') + 'remind_after: 24h\ndistinct_signers: false\n',
    ['change check `reviews`', 'change role `sre`', 'change `distinct_signers`', 'change `remind_after`'],
  ],
];

describe('diffPolicies says what merging the PR would change', () => {
  it.each(diffRows)('%s', (_name, headText, effects) => {
    expect(diffPolicies(BASE, parsedPolicy(headText)).map(toMarkdown)).toEqual(effects);
  });

  // `writers` decides whose statuses and check runs count: a PR that lets another account's
  // statuses count (e.g. `ci/*: [mallory]`) must say so, not "only formatting changed".
  it('who may write the evidence (`writers`)', () => {
    expect(diffPolicies(BASE, parsedPolicy(`${POLICY}writers:\n  "ci/*": [mallory]\n`)).map(toMarkdown)).toEqual(['change `writers`']);
  });
});
