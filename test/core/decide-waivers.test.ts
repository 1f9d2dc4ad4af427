import { describe, expect, it } from 'vitest';
import type { CommentFact, GateIdentity, Lookups, StatusFact } from '../../src/core/evidence/snapshot.ts';
import { COMMENT_MARKER } from '../../src/core/markers/gate-comments.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';
import { decideWaivers } from '../../src/core/waivers/decide-waivers.ts';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { APP_GATE, checkRun, comment, COMMENT_URL, defaultLookups, EARLIER, forbidden, HEAD, POLICY, push, pushRecord, review, snapshot, status } from './builders.ts';
import { decisionInput } from './decision-input.ts';

// The README's example (security: alice, bob; sre: carol; checks ci, reviews, on-call),
// with waivers by security. The head was pushed at 09:00 by dave; the gate evaluates at 10:00.
const waiversBy = (by: string, extra = '') => `${POLICY}waivers:\n  by: [${by}]\n${extra}`;
const WAIVABLE = waiversBy('security');
const EXPIRING = waiversBy('security', '  expires_after: 24h\n');

const NO_COMMIT = '0'.repeat(40);
const created = push(EARLIER, '2026-11-21T07:00:00Z', 'dave', NO_COMMIT, 'branch_creation');
const withLookups = (extra: Partial<Lookups>): Lookups => ({ ...defaultLookups(), ...extra });
const sameTrees: Partial<Lookups> = { commitTrees: { [EARLIER]: { ok: true, value: 'tree-1' }, [HEAD]: { ok: true, value: 'tree-1' } } };
const appStatus = (createdAt: string): StatusFact => status('release-readiness', 'pending', { createdAt, targetUrl: COMMENT_URL, creator: { login: APP_GATE.login, type: 'Bot' } });

/** The policy's roles, and the people of a team and a permission role. */
const TEAM_POLICY = `${POLICY.replace('  sre:\n', '  release:\n    teams: [acme/release]\n  sre:\n')}waivers:\n  by: [release]\n`;
const PERMISSION_POLICY = `${POLICY.replace('  sre:\n', '  managers:\n    permission: maintain\n  sre:\n')}waivers:\n  by: [managers]\n`;
const TWO_ROLES_POLICY = `${POLICY.replace('  sre:\n', '  release:\n    teams: [acme/release]\n  sre:\n')}waivers:\n  by: [release, security]\n`;
const AUTHOR_POLICY = `${POLICY.replace('users: [alice, bob]', 'users: [alice, dave]')}waivers:\n  by: [security]\n`;
const AUTHOR_ALLOWED = AUTHOR_POLICY.replace('users: [alice, dave]\n', 'users: [alice, dave]\n    allow_author: true\n');

interface Expected {
  /** The ledger, in order: verb, target, counts, reason, commit, record that bound it. */
  ledger: [verb: string, target: string, counts: boolean, reason: string, commit: string | null, boundBy: string][];
  /** The waivers that hold: check id → who, why, until. */
  waivers?: Record<string, { login: string; reason: string; expiresAt: string | null }>;
  /** The problems to report, as `what: message`. */
  problems?: string[];
}

interface Row {
  name: string;
  policy?: string;
  comments: CommentFact[];
  lookups?: Lookups;
  identity?: GateIdentity;
  statuses?: StatusFact[];
  now?: string;
  expected: Expected;
}

const at = (time: string) => `2026-11-21T${time}Z`;
const by = (login: string, body: string, time = '09:30:00', overrides: Partial<CommentFact> = {}) => comment(login, body, at(time), overrides);

const rows: Row[] = [
  // Who may waive.
  {
    name: 'a member of a waiving role: holds, bound to the head by the activity record, never expiring',
    policy: WAIVABLE,
    comments: [by('alice', 'Runner outage, tracked in OPS-12.\n/waive ci flaky runner, OPS-12')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'alice', reason: 'flaky runner, OPS-12', expiresAt: null } } },
  },
  {
    name: 'with expires_after: holds until the comment’s time plus the period',
    policy: EXPIRING,
    comments: [by('bob', '/waive reviews one reviewer is on leave')],
    expected: { ledger: [['waive', 'reviews', true, '', HEAD, 'activity']], waivers: { reviews: { login: 'bob', reason: 'one reviewer is on leave', expiresAt: at('09:30:00').replace('21T', '22T') } } },
  },
  {
    name: 'a member of another role: not in the waiving roles',
    policy: WAIVABLE,
    comments: [by('carol', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'carol may not waive checks (waivers are by: security)', null, 'none']] },
  },
  {
    name: 'an outsider',
    policy: WAIVABLE,
    comments: [by('mallory', '/waive ci trust me')],
    expected: { ledger: [['waive', 'ci', false, 'mallory may not waive checks (waivers are by: security)', null, 'none']] },
  },
  {
    name: 'the PR’s author, even as a member of the waiving role',
    policy: AUTHOR_POLICY,
    comments: [by('dave', '/waive ci my own PR')],
    expected: { ledger: [['waive', 'ci', false, 'dave may not waive checks (waivers are by: security)', null, 'none']] },
  },
  {
    name: 'the PR’s author, when the waiving role has allow_author',
    policy: AUTHOR_ALLOWED,
    comments: [by('dave', '/waive ci my own PR')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'dave', reason: 'my own PR', expiresAt: null } } },
  },
  {
    name: 'a member of the waiving role who pushed to the branch',
    policy: WAIVABLE,
    lookups: withLookups({ pushRecord: pushRecord(created, push(HEAD, at('09:00:00'), 'alice', EARLIER)) }),
    comments: [by('alice', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'alice may not waive checks (waivers are by: security)', null, 'none']] },
  },
  {
    name: 'a member of the waiving role who wrote one of the commits',
    policy: WAIVABLE,
    lookups: withLookups({ commitAuthors: { ok: true, value: { dave: HEAD, bob: EARLIER } } }),
    comments: [by('bob', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'bob may not waive checks (waivers are by: security)', null, 'none']] },
  },
  {
    name: 'who pushed cannot be read: not counted, and the missing record is a problem',
    policy: WAIVABLE,
    lookups: withLookups({ pushRecord: forbidden('the record of pushes', 'Add `contents: read`.') }),
    comments: [by('alice', '/waive ci flaky')],
    expected: {
      ledger: [['waive', 'ci', false, 'could not check that alice may waive: the record of pushes: GitHub answered 403 Resource not accessible by integration', null, 'none']],
      problems: ['the record of pushes: GitHub answered 403 Resource not accessible by integration'],
    },
  },
  {
    name: 'a team member (the team read at this evaluation)',
    policy: TEAM_POLICY,
    lookups: withLookups({ memberships: { 'acme/release:erin': { ok: true, value: true } } }),
    comments: [by('erin', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'erin', reason: 'flaky', expiresAt: null } } },
  },
  {
    name: 'not a team member',
    policy: TEAM_POLICY,
    lookups: withLookups({ memberships: { 'acme/release:erin': { ok: true, value: false } } }),
    comments: [by('erin', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'erin may not waive checks (waivers are by: release)', null, 'none']] },
  },
  {
    name: 'the team not read yet: cannot tell, never counted',
    policy: TEAM_POLICY,
    comments: [by('erin', '/waive ci flaky')],
    expected: {
      ledger: [['waive', 'ci', false, 'could not check that erin may waive: membership of erin in acme/release: it was not read', null, 'none']],
      problems: ['membership of erin in acme/release: it was not read'],
    },
  },
  {
    name: 'the team cannot be read (a 403): cannot tell, and says why',
    policy: TEAM_POLICY,
    lookups: withLookups({ memberships: { 'acme/release:erin': forbidden('membership of erin in acme/release', 'Use a token that can read org teams.') } }),
    comments: [by('erin', '/waive ci flaky')],
    expected: {
      ledger: [['waive', 'ci', false, 'could not check that erin may waive: membership of erin in acme/release: GitHub answered 403 Resource not accessible by integration', null, 'none']],
      problems: ['membership of erin in acme/release: GitHub answered 403 Resource not accessible by integration'],
    },
  },
  {
    name: 'one waiving role cannot be read, another admits the person: holds',
    policy: TWO_ROLES_POLICY,
    comments: [by('alice', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: null } } },
  },
  {
    name: 'one waiving role cannot be read, the other refuses: cannot tell (never "may not")',
    policy: TWO_ROLES_POLICY,
    comments: [by('carol', '/waive ci flaky')],
    expected: {
      ledger: [['waive', 'ci', false, 'could not check that carol may waive: membership of carol in acme/release: it was not read', null, 'none']],
      problems: ['membership of carol in acme/release: it was not read'],
    },
  },
  {
    name: 'a permission role: enough permission',
    policy: PERMISSION_POLICY,
    lookups: withLookups({ permissions: { erin: { ok: true, value: 'admin' } } }),
    comments: [by('erin', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'erin', reason: 'flaky', expiresAt: null } } },
  },
  {
    name: 'a permission role: too little permission',
    policy: PERMISSION_POLICY,
    comments: [by('alice', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'alice may not waive checks (waivers are by: managers)', null, 'none']] },
  },
  {
    name: 'a permission role: the permission not read yet',
    policy: PERMISSION_POLICY,
    comments: [by('zed', '/waive ci flaky')],
    expected: {
      ledger: [['waive', 'ci', false, 'could not check that zed may waive: the repository permission of zed: it was not read', null, 'none']],
      problems: ['the repository permission of zed: it was not read'],
    },
  },

  // What is waived, and how it was typed.
  {
    name: 'waivers not enabled in readiness.yml',
    comments: [by('alice', '/waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'waivers are not enabled in readiness.yml (`waivers: { by: [role] }`)', null, 'none']] },
  },
  {
    name: 'a check that does not exist, with the checks that do',
    policy: WAIVABLE,
    comments: [by('alice', '/waive cii flaky')],
    expected: { ledger: [['waive', 'cii', false, 'there is no check `cii` (checks: ci, reviews, on-call)', null, 'none']] },
  },
  {
    name: 'a role name is not a check',
    policy: WAIVABLE,
    comments: [by('alice', '/waive security not needed')],
    expected: { ledger: [['waive', 'security', false, 'there is no check `security` (checks: ci, reviews, on-call)', null, 'none']] },
  },
  {
    name: 'no reason given',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci')],
    expected: { ledger: [['waive', 'ci', false, 'a waiver needs a reason: `/waive ci <reason>`', null, 'none']] },
  },
  {
    name: 'a sign-off command is not a waiver',
    policy: WAIVABLE,
    comments: [by('alice', '/signoff security')],
    expected: { ledger: [] },
  },
  {
    name: 'two waivers in one comment, one per line',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky runner\n/waive reviews only docs changed')],
    expected: {
      ledger: [
        ['waive', 'ci', true, '', HEAD, 'activity'],
        ['waive', 'reviews', true, '', HEAD, 'activity'],
      ],
      waivers: { ci: { login: 'alice', reason: 'flaky runner', expiresAt: null }, reviews: { login: 'alice', reason: 'only docs changed', expiresAt: null } },
    },
  },
  {
    name: 'a later waiver of the same check replaces the earlier one',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:10:00'), by('bob', '/waive ci runner outage, see OPS-12', '09:20:00')],
    expected: {
      ledger: [
        ['waive', 'ci', true, '', HEAD, 'activity'],
        ['waive', 'ci', true, '', HEAD, 'activity'],
      ],
      waivers: { ci: { login: 'bob', reason: 'runner outage, see OPS-12', expiresAt: null } },
    },
  },
  { name: 'from a bot', policy: WAIVABLE, comments: [by('release-bot[bot]', '/waive ci flaky')], expected: { ledger: [['waive', 'ci', false, 'it comes from a bot', null, 'none']] } },
  {
    name: 'in an edited comment',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:30:00', { updatedAt: at('09:31:00') })],
    expected: { ledger: [['waive', 'ci', false, 'the comment was edited after it was posted: post the command in a new comment', null, 'none']] },
  },
  {
    name: 'posted through a GitHub App on the person’s behalf',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:30:00', { viaApp: 'slack' })],
    expected: { ledger: [['waive', 'ci', false, 'it was posted through the GitHub App `slack`, not typed by alice', null, 'none']] },
  },
  { name: 'in a quote', policy: WAIVABLE, comments: [by('alice', '> /waive ci flaky')], expected: { ledger: [['waive', 'ci', false, 'it is inside a quote', null, 'none']] } },
  { name: 'in a code block', policy: WAIVABLE, comments: [by('alice', '```\n/waive ci flaky\n```')], expected: { ledger: [['waive', 'ci', false, 'it is inside code', null, 'none']] } },
  { name: 'in an HTML comment', policy: WAIVABLE, comments: [by('alice', '<!-- /waive ci flaky -->')], expected: { ledger: [['waive', 'ci', false, 'it is inside an HTML comment or block', null, 'none']] } },
  {
    name: 'in a <details> block',
    policy: WAIVABLE,
    comments: [by('alice', '<details>\n\n/waive ci flaky\n\n</details>')],
    expected: { ledger: [['waive', 'ci', false, 'it is inside a collapsed `<details>` block', null, 'none']] },
  },
  {
    name: 'in a list item',
    policy: WAIVABLE,
    comments: [by('alice', '- /waive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'it is inside a list item: type the command on a line of its own', null, 'none']] },
  },
  { name: 'in the middle of a line', policy: WAIVABLE, comments: [by('alice', 'please /waive ci flaky')], expected: { ledger: [['waive', 'ci', false, 'it is not at the start of a line', null, 'none']] } },
  {
    name: 'with a look-alike letter (Cyrillic а)',
    policy: WAIVABLE,
    comments: [by('alice', '/w\u0430ive ci flaky')],
    expected: { ledger: [['waive', 'ci', false, 'it contains look-alike or invisible characters: type the command plainly', null, 'none']] },
  },
  {
    name: 'the way it was typed is judged before the policy: a bot on a policy without waivers',
    comments: [by('release-bot[bot]', '/waive cii')],
    expected: { ledger: [['waive', 'cii', false, 'it comes from a bot', null, 'none']] },
  },
  {
    name: 'the gate’s own comment is never read for commands',
    policy: WAIVABLE,
    comments: [by('github-actions[bot]', `${COMMENT_MARKER}\nType \`/waive ci <reason>\`:\n/waive ci quoted by the gate`)],
    expected: { ledger: [] },
  },

  // Withdrawing.
  {
    name: 'anyone who may waive withdraws a waiver, also another person’s',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:10:00'), by('bob', '/waive cancel ci', '09:20:00')],
    expected: {
      ledger: [
        ['waive', 'ci', true, '', HEAD, 'activity'],
        ['waive cancel', 'ci', true, '', null, 'none'],
      ],
    },
  },
  {
    name: 'a withdrawal from an edited comment, or through an App, still withdraws',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:10:00'), by('alice', '/waive reviews docs only', '09:11:00'), by('bob', '/waive cancel ci', '09:20:00', { updatedAt: at('09:25:00') }), by('bob', '/waive cancel reviews', '09:21:00', { viaApp: 'slack' })],
    expected: {
      ledger: [
        ['waive', 'ci', true, '', HEAD, 'activity'],
        ['waive', 'reviews', true, '', HEAD, 'activity'],
        ['waive cancel', 'ci', true, '', null, 'none'],
        ['waive cancel', 'reviews', true, '', null, 'none'],
      ],
    },
  },
  {
    name: 'nothing to withdraw',
    policy: WAIVABLE,
    comments: [by('alice', '/waive cancel ci')],
    expected: { ledger: [['waive cancel', 'ci', false, 'there is no waiver of `ci` to withdraw', null, 'none']] },
  },
  {
    name: 'a withdrawal before the waiver does not undo it',
    policy: WAIVABLE,
    comments: [by('bob', '/waive cancel ci', '09:10:00'), by('alice', '/waive ci flaky', '09:20:00')],
    expected: {
      ledger: [
        ['waive cancel', 'ci', false, 'there is no waiver of `ci` to withdraw', null, 'none'],
        ['waive', 'ci', true, '', HEAD, 'activity'],
      ],
      waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: null } },
    },
  },
  {
    name: 'someone who may not waive cannot withdraw either',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:10:00'), by('mallory', '/waive cancel ci', '09:20:00')],
    expected: {
      ledger: [
        ['waive', 'ci', true, '', HEAD, 'activity'],
        ['waive cancel', 'ci', false, 'mallory may not waive checks (waivers are by: security)', null, 'none'],
      ],
      waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: null } },
    },
  },
  {
    name: 'a withdrawal of a check that does not exist',
    policy: WAIVABLE,
    comments: [by('alice', '/waive cancel cii')],
    expected: { ledger: [['waive cancel', 'cii', false, 'there is no check `cii` (checks: ci, reviews, on-call)', null, 'none']] },
  },
  {
    name: 'a stale waiver is not there to withdraw',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '08:30:00'), by('bob', '/waive cancel ci', '09:20:00')],
    expected: {
      ledger: [
        ['waive', 'ci', false, 'it was given on eeeeeee; aaaaaaa was pushed at 2026-11-21 09:00 UTC, and the files changed since: waive again', EARLIER, 'activity'],
        ['waive cancel', 'ci', false, 'there is no waiver of `ci` to withdraw', null, 'none'],
      ],
    },
  },

  // Bound to the head commit, like a sign-off.
  {
    name: 'given before the head was pushed, other files: stale, waive again',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '08:30:00')],
    expected: { ledger: [['waive', 'ci', false, 'it was given on eeeeeee; aaaaaaa was pushed at 2026-11-21 09:00 UTC, and the files changed since: waive again', EARLIER, 'activity']] },
  },
  {
    name: 'given in the same second as the push: placed before it',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:00:00')],
    expected: { ledger: [['waive', 'ci', false, 'it was given on eeeeeee; aaaaaaa was pushed at 2026-11-21 09:00 UTC, and the files changed since: waive again', EARLIER, 'activity']] },
  },
  {
    name: 'given one second after the push: holds',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '09:00:01')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: null } } },
  },
  {
    name: 'given before a push that kept the very files: carried over, and says why',
    policy: WAIVABLE,
    lookups: withLookups(sameTrees),
    comments: [by('alice', '/waive ci flaky', '08:30:00')],
    expected: { ledger: [['waive', 'ci', true, 'the files are unchanged since eeeeeee', EARLIER, 'activity']], waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: null } } },
  },
  {
    name: 'given before the record of pushes begins',
    policy: WAIVABLE,
    comments: [by('alice', '/waive ci flaky', '06:00:00')],
    expected: { ledger: [['waive', 'ci', false, "GitHub's record of pushes to `prepare-1.4` starts at 2026-11-21 07:00 UTC, after it was given: waive again", null, 'activity']] },
  },
  {
    name: 'the record of pushes cannot be read, with the GITHUB_TOKEN: fails closed, and the problem names the fix',
    policy: WAIVABLE,
    lookups: withLookups({ pushRecord: forbidden('the record of pushes', 'Add `contents: read`.'), commitAuthors: { ok: true, value: {} } }),
    comments: [by('alice', '/waive ci flaky')],
    // Separation of duties needs the record first: it is what says the waiver cannot be checked.
    expected: {
      ledger: [['waive', 'ci', false, 'could not check that alice may waive: the record of pushes: GitHub answered 403 Resource not accessible by integration', null, 'none']],
      problems: ['the record of pushes: GitHub answered 403 Resource not accessible by integration'],
    },
  },
  {
    name: 'the head not in the record yet, with the GITHUB_TOKEN: fails closed',
    policy: AUTHOR_ALLOWED,
    lookups: withLookups({ pushRecord: pushRecord(created) }),
    comments: [by('alice', '/waive ci flaky')],
    expected: {
      ledger: [['waive', 'ci', false, "the commit it was given on cannot be established: GitHub's activity record of `prepare-1.4`: it does not show aaaaaaa pushed yet (GitHub records a push a few seconds after it lands)", null, 'none']],
      problems: ["GitHub's activity record of `prepare-1.4`: it does not show aaaaaaa pushed yet (GitHub records a push a few seconds after it lands)"],
    },
  },
  {
    name: 'the head not in the record yet, as an App: the gate’s own first status bounds the push',
    policy: AUTHOR_ALLOWED,
    identity: APP_GATE,
    statuses: [appStatus(at('09:05:00'))],
    lookups: withLookups({ pushRecord: pushRecord(created) }),
    comments: [by('alice', '/waive ci flaky', '09:30:00')],
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'gate status']], waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: null } } },
  },
  {
    name: 'the head not in the record yet, as an App, given before the gate first saw the head: waive again',
    policy: AUTHOR_ALLOWED,
    identity: APP_GATE,
    statuses: [appStatus(at('09:05:00'))],
    lookups: withLookups({ pushRecord: pushRecord(created) }),
    comments: [by('alice', '/waive ci flaky', '09:04:00')],
    expected: {
      ledger: [
        [
          'waive',
          'ci',
          false,
          "it was given before the gate first evaluated aaaaaaa (2026-11-21 09:05 UTC), and GitHub's activity record of `prepare-1.4` could not show which commit it was given on (it does not show aaaaaaa pushed yet (GitHub records a push a few seconds after it lands)): waive again",
          null,
          'gate status',
        ],
      ],
    },
  },

  // Expiry: measured from the comment, at the evaluation's clock.
  {
    name: 'expired exactly now: no longer holds',
    policy: waiversBy('security', '  expires_after: 30m\n'),
    comments: [by('alice', '/waive ci flaky', '09:30:00')],
    now: at('10:00:00'),
    expected: { ledger: [['waive', 'ci', false, 'it expired at 2026-11-21T10:00:00Z', HEAD, 'activity']] },
  },
  {
    name: 'one second before it expires: holds, with its end',
    policy: waiversBy('security', '  expires_after: 30m\n'),
    comments: [by('alice', '/waive ci flaky', '09:30:00')],
    now: at('09:59:59'),
    expected: { ledger: [['waive', 'ci', true, '', HEAD, 'activity']], waivers: { ci: { login: 'alice', reason: 'flaky', expiresAt: at('10:00:00') } } },
  },
  {
    name: 'a carried-over waiver expires from when it was given, not from the push',
    policy: waiversBy('security', '  expires_after: 1h\n'),
    lookups: withLookups(sameTrees),
    comments: [by('alice', '/waive ci flaky', '08:30:00')],
    now: at('09:30:00'),
    expected: { ledger: [['waive', 'ci', false, 'it expired at 2026-11-21T09:30:00Z', EARLIER, 'activity']] },
  },
  {
    name: 'a stale waiver is called stale, not expired',
    policy: waiversBy('security', '  expires_after: 30m\n'),
    comments: [by('alice', '/waive ci flaky', '08:00:00')],
    expected: { ledger: [['waive', 'ci', false, 'it was given on eeeeeee; aaaaaaa was pushed at 2026-11-21 09:00 UTC, and the files changed since: waive again', EARLIER, 'activity']] },
  },
  {
    name: 'an expired waiver is replaced by a fresh one',
    policy: waiversBy('security', '  expires_after: 30m\n'),
    comments: [by('alice', '/waive ci flaky', '09:10:00'), by('bob', '/waive ci still flaky', '09:45:00')],
    expected: {
      ledger: [
        ['waive', 'ci', false, 'it expired at 2026-11-21T09:40:00Z', HEAD, 'activity'],
        ['waive', 'ci', true, '', HEAD, 'activity'],
      ],
      waivers: { ci: { login: 'bob', reason: 'still flaky', expiresAt: at('10:15:00') } },
    },
  },
];

describe('decideWaivers', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const input = decisionInput({ policy: row.policy, comments: row.comments, lookups: row.lookups, identity: row.identity, statuses: row.statuses, now: row.now });
    const decision = decideWaivers(input);
    expect(decision.ledger.map((e) => [e.verb, e.target, e.counts, toMarkdown(e.reason), e.commit, e.boundBy])).toEqual(row.expected.ledger);
    // Each entry points back at the comment it came from.
    const commands = input.attempts.filter((attempt) => attempt.command.verb === 'waive');
    expect(decision.ledger.map((e) => [e.commentId, e.commentUrl, e.login, e.at, e.command])).toEqual(commands.map((a) => [a.comment.id, a.comment.htmlUrl, a.login, a.comment.createdAt, a.command.raw]));
    const holding = Object.fromEntries([...decision.waivers].map(([id, w]) => [id, { login: w.login, reason: w.reason, expiresAt: w.expiresAt }]));
    expect(holding).toEqual(row.expected.waivers ?? {});
    for (const [id, waiver] of decision.waivers) {
      const given = row.comments.find((c) => c.htmlUrl === waiver.commentUrl)!;
      expect(waiver).toMatchObject({ checkId: id, at: given.createdAt });
    }
    expect(decision.problems.map((p) => `${p.what}: ${p.message}`)).toEqual(row.expected.problems ?? []);
  });

  it('a record of pushes that cannot be read is reported with the fix for the shared token', () => {
    const input = decisionInput({
      policy: AUTHOR_ALLOWED,
      lookups: withLookups({ pushRecord: forbidden('the record of pushes', 'Add `contents: read`.') }),
      comments: [by('alice', '/waive ci flaky')],
    });
    const decision = decideWaivers(input);
    expect(decision.ledger.map((e) => [e.counts, toMarkdown(e.reason), e.commit, e.boundBy])).toEqual([
      [false, 'the commit it was given on cannot be established: the record of pushes: GitHub answered 403 Resource not accessible by integration', null, 'none'],
    ]);
    expect(decision.problems).toEqual([
      {
        what: 'the record of pushes',
        message: 'GitHub answered 403 Resource not accessible by integration',
        fix: 'Add `contents: read`. With the GITHUB_TOKEN nothing else proves when the head was pushed: every workflow writes as `github-actions[bot]`.',
        httpStatus: 403,
      },
    ]);
  });
});

describe('what a waiver does to the gate', () => {
  const green = { checkRuns: [checkRun('build')], reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')] };
  const signed = [by('bob', '/signoff security', '09:20:00'), by('carol', '/signoff sre', '09:21:00')];

  it('a failing check that is waived no longer blocks, and says who accepted it, why and until when', () => {
    const result = evaluate(snapshot({ policy: EXPIRING, ...green, checkRuns: [checkRun('build', 'completed', 'failure')], comments: [...signed, by('alice', '/waive ci runner outage, OPS-12')] }));
    const ci = result.checks.find((check) => check.id === 'ci')!;
    expect(ci.outcome).toBe('waived');
    expect(toMarkdown(ci.summary)).toMatch(/^Waived by alice until 2026-11-22 09:30 UTC: `runner outage, OPS-12` — 1 failing: \[`build`\]\(https:\/\/github\.com\/acme\/rocket\/runs\/\d+\)$/);
    expect(result.state).toBe('success');
  });

  it('waiving a sign-off check does not stand in for the sign-off: the role still blocks', () => {
    const result = evaluate(snapshot({ policy: WAIVABLE, ...green, comments: [by('bob', '/signoff security', '09:20:00'), by('alice', '/waive on-call sre is asleep')] }));
    expect(result.checks.find((check) => check.id === 'on-call')!.outcome).toBe('waived');
    expect(result.roles.map((role) => [role.role, role.outcome])).toEqual([
      ['security', 'pass'],
      ['sre', 'pending'],
    ]);
    expect(result.state).toBe('pending');
    expect(result.description).toBe('Waiting for 1 sign-off (sre)');
  });

  it('a passing check needs no waiver: it stays a pass', () => {
    const result = evaluate(snapshot({ policy: WAIVABLE, ...green, comments: [...signed, by('alice', '/waive ci just in case')] }));
    expect(result.checks.find((check) => check.id === 'ci')).toMatchObject({ outcome: 'pass' });
    expect(result.checks.find((check) => check.id === 'ci')!.waiver).toBeUndefined();
    expect(result.state).toBe('success');
  });
});
