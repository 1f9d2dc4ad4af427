// The schema of each kind of check: what a check item of that kind is configured with.
import * as z from 'zod/mini';
import { parseWindowPolicy } from '../windows/window-policy.ts';
import { checkProbeHost, checkProbeUrl } from './probe-url.ts';
import { atLeastOne, checkedString, duration, globs, regex } from './schema-parts.ts';

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
export type Severity = z.output<typeof severity>;
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
