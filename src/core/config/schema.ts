// The schema of readiness.yml (zod/mini; see schema-parts.ts): when it applies, who signs off,
// and its checks, each of one kind (check-kind-schemas.ts).
import * as z from 'zod/mini';
import { ciSchema, reviewsSchema, coverageSchema, dependabotSchema, secretScanningSchema, codeScanningSchema, filesSchema, prBodySchema, labelsSchema, metricSchema, deploymentSchema, probeSchema, windowSchema } from './check-kind-schemas.ts';
import { REPO_PERMISSIONS } from './repo-permissions.ts';
import { atLeastOne, duration, globs, labelList, LOGIN, name, regex } from './schema-parts.ts';

export { NAME, globSchema } from './schema-parts.ts';
export type { Severity } from './check-kind-schemas.ts';

/** An "if applicable" condition: every key given must match (any of its values). */
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
