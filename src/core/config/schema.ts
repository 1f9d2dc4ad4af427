// zod/mini: the same schemas as zod's chained API, for a fraction of its start-up cost (the
// chained API puts every method on every schema object, and the bundle loads it on every event).
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { parseWindowPolicy } from '../windows/window-policy.ts';
import { globProblem, regexProblem } from './patterns.ts';
import { checkProbeHost, checkProbeUrl } from './probe-url.ts';
import { REPO_PERMISSIONS } from './repo-permissions.ts';

/** Names that people type after `/signoff` (and check ids): lowercase so a command is unambiguous. */
export const NAME = /^[a-z0-9][a-z0-9_-]*$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

// zod/mini leaves messages to a locale; parse-config.ts rewrites or passes on zod's English ones.
z.config(en());

const name = (what: string) => z.string().check(z.regex(NAME, { error: `a ${what} is lowercase letters, digits, '-' and '_', starting with a letter or digit` }));

/** A string that a check of its own accepts: `problemOf` says what is wrong with it, or null. */
const checkedString = (problemOf: (value: string) => string | null) =>
  z.string().check(
    z.superRefine((value, ctx) => {
      const problem = problemOf(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );

export const globSchema = checkedString(globProblem);

const regex = checkedString(regexProblem);

const globs = z.array(globSchema).check(z.minLength(1, { error: 'list at least one glob' }));

const atLeastOne =
  (keys: string[]) =>
  (value: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    if (keys.every((key) => value[key] === undefined)) {
      ctx.addIssue({ code: 'custom', message: `give at least one of: ${keys.join(', ')}` });
    }
  };

/** An "if applicable" condition: every key given must match (any of its values). */
/** A list of one or more labels, none empty. */
const labelList = () => z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

export const whenSchema = z
  .strictObject({
    /** Globs; any changed file of the PR matches one. */
    paths: z.optional(globs),
    /** The PR has any of these labels. */
    labels: z.optional(labelList()),
    /** Globs on the base branch. */
    branches: z.optional(globs),
  })
  .check(z.superRefine(atLeastOne(['paths', 'labels', 'branches'])));

export const releaseSchema = z.strictObject({
  /** Globs on the PR's base branch. */
  branches: z.optional(globs),
  /** Any of these labels makes the PR a release PR. */
  labels: z.optional(labelList()),
  /** A regular expression on the PR title. */
  title: z.optional(regex),
});

const TEAM = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** "30m", "24h", "7d", "2w" → milliseconds. */
export const duration = z.pipe(
  z.string().check(z.regex(/^[1-9][0-9]*[mhdw]$/, { error: 'a duration like 30m, 24h, 7d or 2w' })),
  z.transform((value: string) => Number(value.slice(0, -1)) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[value.slice(-1) as 'm' | 'h' | 'd' | 'w']),
);

export const roleSchema = z
  .strictObject({
    /** People who may sign. */
    users: z.optional(
      z.array(z.string().check(z.regex(LOGIN, { error: 'a GitHub login (letters, digits and hyphens)' }))).check(z.minLength(1, { error: 'name at least one user who can sign off this role' })),
    ),
    /** Members of these teams may sign (`org/team-slug`; needs a token that can read org teams). */
    teams: z.optional(z.array(z.string().check(z.regex(TEAM, { error: 'a team as org/team-slug' }))).check(z.minLength(1))),
    /** The minimum repository permission of a signer. */
    permission: z.optional(z.enum(REPO_PERMISSIONS)),
    min: z._default(z.int().check(z.gte(1)), 1),
    /** The PR's author may sign this role (never, by default). */
    allow_author: z._default(z.boolean(), false),
    /** After a push, the role re-opens only when the commits since its sign-off touch these paths. */
    reopen_on: z.optional(z.strictObject({ paths: globs })),
    when: z.optional(whenSchema),
  })
  .check(z.superRefine((role, ctx) => {
    if (!role.users && !role.teams && !role.permission) {
      ctx.addIssue({ code: 'custom', message: 'say who may sign: users, teams or permission' });
    }
    if (role.users && role.users.length > 0 && !role.teams && !role.permission && role.min > role.users.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `min is ${role.min} but only ${role.users?.length} user(s) can sign: the role could never be complete`,
      });
    }
  }));

export const ciSchema = z.strictObject({
  /** Only these check runs / status contexts count; each must report. */
  include: z.optional(globs),
  /** These never count. */
  exclude: z.optional(globs),
  /** In a merge queue, the group's own CI (on the group's commit) must pass too. */
  merge_group: z._default(z.boolean(), false),
});

export const reviewsSchema = z.strictObject({
  /** Approvals needed: the latest review of each reviewer other than the author. */
  min: z._default(z.int().check(z.gte(1)), 1),
});

const percent = z.number().check(z.gte(0), z.lte(100));
const severity = z.enum(['low', 'medium', 'high', 'critical']);
const maxAlerts = z._default(z.int().check(z.gte(0)), 0);

export const coverageSchema = z.strictObject({
  /** Minimum line coverage of the head commit, in percent. */
  min: percent,
  /** Read the figure from another tool's status context or check run instead of a report. */
  from: z.optional(z.string().check(z.minLength(1))),
  /** Largest drop allowed against the figure recorded on the base branch's head, in points. */
  max_drop: z.optional(percent),
});

export const dependabotSchema = z.strictObject({
  severity: z._default(severity, 'high'),
  max: maxAlerts,
  scope: z.optional(z.enum(['runtime', 'development'])),
});

export const secretScanningSchema = z.strictObject({ max: maxAlerts });

export const codeScanningSchema = z.strictObject({
  severity: z._default(severity, 'high'),
  max: maxAlerts,
  /** Only alerts of this tool, e.g. CodeQL. */
  tool: z.optional(z.string().check(z.minLength(1))),
});

export const filesSchema = z
  .strictObject({
    /** Each glob matches at least one file at the head commit. */
    exists: z.optional(globs),
    /** Each glob matches at least one file the PR changes. */
    changed: z.optional(globs),
  })
  .check(z.superRefine(atLeastOne(['exists', 'changed'])));

export const prBodySchema = z
  .strictObject({
    /** Headings under which the PR description must say something. */
    sections: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
    /** A regular expression the description must match, e.g. a change ticket. */
    matches: z.optional(regex),
  })
  .check(z.superRefine(atLeastOne(['sections', 'matches'])));

const label = z.string().check(z.minLength(1));

/**
 * A label of `one_of` stands in no other list: one the PR must have (`all`) is no choice, and
 * one it must not have (`none`) could never be the one. A label listed twice is a slip.
 */
function oneOfApart(labels: { all?: string[]; none?: string[]; one_of?: string[] }, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  labels.one_of?.forEach((choice, index) => {
    const path = ['one_of', index];
    if (seen.has(choice)) ctx.addIssue({ code: 'custom', path, message: `\`${choice}\` is listed twice under one_of` });
    seen.add(choice);
    if (labels.all?.includes(choice)) ctx.addIssue({ code: 'custom', path, message: `\`${choice}\` is under both one_of and all: a label every PR must have is no choice` });
    if (labels.none?.includes(choice)) ctx.addIssue({ code: 'custom', path, message: `\`${choice}\` is under both one_of and none: it could never be the one` });
  });
}

export const labelsSchema = z
  .strictObject({
    /** The PR has every one of these labels. */
    all: z.optional(z.array(label).check(z.minLength(1))),
    /** The PR has none of these labels. */
    none: z.optional(z.array(label).check(z.minLength(1))),
    /** The PR has exactly one of these labels: a "mark one" choice of the checklist, e.g. the risk level. */
    one_of: z.optional(z.array(label).check(z.minLength(2, { error: 'list at least two labels to choose from (one label the PR must have goes under all)' }))),
  })
  .check(z.superRefine(atLeastOne(['all', 'none', 'one_of'])))
  .check(z.superRefine(oneOfApart));

const text = z.string().check(z.minLength(1));

/** A figure a tool measured, read and compared with `min` and `max`. */
export const metricSchema = z
  .strictObject({
    /** What the figure is, e.g. "p95 overhead"; the check's id otherwise. */
    label: z.optional(text),
    /** The status context or check run that reports it; absent: recorded by this action in the CI job (`metric-file`). */
    from: z.optional(text),
    /** A regular expression whose first group is the number, run on the status description or the check run's output. */
    pattern: z.optional(regex),
    unit: z.optional(text),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
  })
  .check(z.superRefine(atLeastOne(['min', 'max'])))
  .check(
    z.superRefine((value, ctx) => {
      if (value.min !== undefined && value.max !== undefined && value.min > value.max) ctx.addIssue({ code: 'custom', message: 'min is above max: no figure could pass', path: ['min'] });
      if (value.pattern !== undefined && value.from === undefined) ctx.addIssue({ code: 'custom', message: 'pattern reads a tool’s text: give `from` (a recorded metric is a number already)', path: ['pattern'] });
    }),
  );

/** A deployment GitHub records for the head commit (or the same files). */
export const deploymentSchema = z.strictObject({
  environment: text,
  /** A success older than this no longer counts. */
  max_age: z.optional(duration),
});

const probeUrl = checkedString(checkProbeUrl);
const probeHost = checkedString(checkProbeHost);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A live endpoint, probed from the runner: an HTTPS GET, or a TLS certificate. */
export const probeSchema = z.union([
  z.strictObject({
    url: probeUrl,
    status: z.optional(z.array(z.int().check(z.gte(100), z.lte(599))).check(z.minLength(1))),
    json: z.optional(z.strictObject({ path: text, equals: scalar })),
    timeout_seconds: z.optional(z.int().check(z.gte(1), z.lte(30))),
    allow_hosts: z.optional(z.array(probeHost).check(z.minLength(1), z.maxLength(32))),
  }),
  z.strictObject({
    tls: z.strictObject({
      host: probeHost,
      port: z.optional(z.int().check(z.gte(1), z.lte(65535))),
      min_days: z.int().check(z.gte(0), z.lte(3650)),
    }),
  }),
]);

/** When merging is allowed: weekly windows in a time zone, never during a freeze. */
export const windowSchema = z
  .strictObject({
    /** e.g. ["Tue-Thu 09:00-16:00"]. */
    when: z.array(z.string()).check(z.minLength(1, { error: 'list at least one window, e.g. "Tue-Thu 09:00-16:00"' })),
    /** An IANA time zone, e.g. Europe/Berlin. */
    zone: z.string(),
    freezes: z.optional(z.array(z.strictObject({ from: z.string(), to: z.string(), reason: z.string() }))),
  })
  .check(
    z.superRefine((value, ctx) => {
      const parsed = parseWindowPolicy(value);
      if (parsed.ok) return;
      // Each message already says the column, within the window's text.
      for (const error of parsed.errors) ctx.addIssue({ code: 'custom', message: error.message, path: error.path });
    }),
  );

/** Every kind of check, and what it is configured with: a check item names exactly one, as a key. */
export const CHECK_KINDS = ['ci', 'reviews', 'signoff', 'coverage', 'dependabot', 'secret_scanning', 'code_scanning', 'files', 'pr_body', 'labels', 'metric', 'deployment', 'probe', 'window'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

const KIND_SCHEMAS = {
  ci: ciSchema,
  reviews: reviewsSchema,
  signoff: name('role name'),
  coverage: coverageSchema,
  dependabot: dependabotSchema,
  secret_scanning: secretScanningSchema,
  code_scanning: codeScanningSchema,
  files: filesSchema,
  pr_body: prBodySchema,
  labels: labelsSchema,
  metric: metricSchema,
  deployment: deploymentSchema,
  probe: probeSchema,
  window: windowSchema,
} satisfies Record<CheckKind, z.ZodMiniType>;

type KindSchemas = typeof KIND_SCHEMAS;
type OptionalKinds = { [K in CheckKind]: z.ZodMiniOptional<KindSchemas[K]> };

export const checkSchema = z
  .strictObject({
    id: name('check id'),
    name: z.string().check(z.minLength(1, { error: 'give the check a name people recognise' })),
    /** The checklist section it belongs to; the comment groups checks by section, in order. */
    section: z.optional(z.string().check(z.minLength(1))),
    required: z._default(z.boolean(), true),
    when: z.optional(whenSchema),
    ...(Object.fromEntries(CHECK_KINDS.map((kind) => [kind, z.optional(KIND_SCHEMAS[kind])])) as OptionalKinds),
  })
  .check(z.superRefine((check, ctx) => {
    const kinds = CHECK_KINDS.filter((kind) => check[kind] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? `check \`${check.id}\` needs one of: ${CHECK_KINDS.join(', ')}`
            : `check \`${check.id}\` has ${kinds.join(' and ')}: split it into one check per kind`,
      });
    }
  }));

type CheckItem = z.output<typeof checkSchema>;

/**
 * A check of one kind, as the gate reads it: `kind` names the key its settings are under
 * (`ci: {...}` → `kind: 'ci'`), and the other kinds' keys are absent.
 */
export type CheckOf<K extends CheckKind> = {
  [P in K]: Omit<CheckItem, CheckKind> & { kind: P } & { [Q in P]: z.output<KindSchemas[Q]> } & { [Q in Exclude<CheckKind, P>]?: never };
}[K];
export type CheckConfig = CheckOf<CheckKind>;

/** Names the kind of a check that passed the schema, which has made sure exactly one kind key is set. */
function withKind(check: CheckItem): CheckConfig {
  return { ...check, kind: CHECK_KINDS.find((kind) => check[kind] !== undefined) } as CheckConfig;
}

const checkedConfig = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    release: z.optional(releaseSchema),
    signoffs: z._default(z.record(name('role name'), roleSchema), {}),
    checks: z._default(z.array(checkSchema), []),
    /** One person's sign-off fills one role on a PR (separation of duties). */
    distinct_signers: z._default(z.boolean(), true),
    /** Who may waive a check with `/waive <check-id> <reason>`, and for how long a waiver holds. */
    waivers: z.optional(z.strictObject({ by: z.array(name('role name')).check(z.minLength(1)), expires_after: z.optional(duration) })),
    /** A PR that changes readiness.yml also needs this role's sign-off. */
    policy_change: z.optional(z.strictObject({ signoff: name('role name') })),
    /** On schedule runs, mention a role's people when its sign-off has been pending this long. */
    remind_after: z.optional(duration),
    /** What a PR the gate does not apply to gets: no status (safe with retargeting), or success. */
    non_release_status: z._default(z.enum(['none', 'success']), 'none'),
    /**
     * Who may write each status context or check run the gate reads (a name or a glob → the
     * accounts; an App as `<slug>[bot]`). Others' statuses and check runs under that name are ignored.
     */
    writers: z._default(
      z.record(z.string().check(z.minLength(1)), z.array(z.string().check(z.regex(LOGIN, { error: 'a GitHub login, or an App as <slug>[bot]' }))).check(z.minLength(1))),
      {},
    ),
  })
  .check(z.superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    const declared = Object.keys(config.signoffs);
    const undeclared = (role: string, path: (string | number)[]) => {
      if (!(role in config.signoffs)) {
        ctx.addIssue({ code: 'custom', path, message: `role \`${role}\` is not declared under signoffs${declared.length ? ` (declared: ${declared.join(', ')})` : ''}` });
      }
    };
    config.waivers?.by.forEach((role, index) => undeclared(role, ['waivers', 'by', index]));
    if (config.policy_change) undeclared(config.policy_change.signoff, ['policy_change', 'signoff']);
    config.checks.forEach((check, index) => {
      const first = seen.get(check.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['checks', index, 'id'],
          message: `duplicate check id \`${check.id}\` (also checks[${first}]): ids must be unique`,
        });
      } else {
        seen.set(check.id, index);
      }
      if (check.signoff !== undefined) undeclared(check.signoff, ['checks', index, 'signoff']);
    });
  }));

// The YAML stays as people write it (one key per kind); `kind` is added here, once, so that
// nothing that reads a check has to find out which key is set. The JSON Schema (the input
// side) does not change.
export const configSchema = z.pipe(
  checkedConfig,
  z.transform((config: z.output<typeof checkedConfig>) => ({ ...config, checks: config.checks.map(withKind) })),
);

export type ReadinessConfig = z.output<typeof configSchema>;
export type RoleConfig = ReadinessConfig['signoffs'][string];
export type ReleaseRules = z.output<typeof releaseSchema>;
export type WhenRules = z.output<typeof whenSchema>;
export type Severity = z.output<typeof severity>;
