// A template's release PR at three moments: just opened, half-way, ready. The evidence is built
// from the template itself (its CI globs, files, PR sections, labels, roles), so that a template
// added or changed gets its moments without a line here.
import { matchesAnyGlob } from '../../src/core/config/patterns.ts';
import type { CheckConfig, ReadinessConfig } from '../../src/core/config/schema.ts';
import type { CommentFact, EvidenceSnapshot, ReviewFact, StatusFact } from '../../src/core/evidence/snapshot.ts';
import { changed, checkRun, comment, defaultLookups, gateStatus, pullRequest, review, snapshot, status, tree } from '../core/builders.ts';
import { insideWindows, recordedMetrics, withLiveLookups } from './live-evidence.ts';

export const MOMENTS = ['opened', 'half-way', 'ready'] as const;
export type Moment = (typeof MOMENTS)[number];

/** The code the release changes: no component that a `when: paths` names. */
const CODE_CHANGE = 'src/app/handler.ts';
const BASE = pullRequest().base.ref;

/** An example a glob matches (the first of each `{a,b}`, `x` for a wildcard): a CI job's name or a path. */
function example(glob: string, fallback: string): string {
  const text = glob
    .replace(/\{([^{},]*)(?:,[^{}]*)?\}/g, '$1')
    .replace(/\*\*\//g, '')
    .replace(/^[*?]+|[*?]+$/g, '')
    .replace(/[*?]+/g, 'x');
  const found = text === '' || text.endsWith('/') ? `${text}${fallback}` : text;
  if (!matchesAnyGlob([glob], found)) throw new Error(`no example for the glob ${glob} (tried ${found})`);
  return found;
}

/**
 * The labels of the PR: its release label; from half-way on, also every label its label checks
 * ask for (the first of a `one_of`), as the author adds them.
 */
function labelsAt(config: ReadinessConfig, opened: boolean): string[] {
  const asked = config.checks.flatMap((check) => [...(check.labels?.all ?? []), ...(check.labels?.one_of ?? []).slice(0, 1)]);
  return [...new Set([...(config.release?.labels ?? []).slice(0, 1), ...(opened ? [] : asked)])];
}

/** Whether a check applies to a PR with these labels that changes no optional component. */
function applies(check: CheckConfig, labels: readonly string[]): boolean {
  const when = check.when;
  if (!when) return true;
  if (when.paths) return false;
  if (when.branches && !matchesAnyGlob(when.branches, BASE)) return false;
  return !when.labels || when.labels.some((label) => labels.includes(label));
}

/** A description with the sections the checks ask for: the template's placeholders, or filled in with the change ticket named. */
function body(checks: readonly CheckConfig[], filled: boolean): string {
  const sections = [...new Set(checks.flatMap((check) => check.pr_body?.sections ?? []))];
  const parts = sections.map((title) => `## ${title}\n\n${filled ? `The ${title.toLowerCase()} of 1.4.0.` : '<!-- fill in before asking for sign-off -->'}`);
  // What the templates' `pr_body.matches` look for: a change ticket, a deployment method.
  return [...(filled ? ['Change ticket: CHG0012345. Deployed with Kubernetes.'] : []), ...parts].join('\n\n');
}

const coverage = (description: string): StatusFact => status('release-readiness/coverage', 'success', { description, creator: { login: 'github-actions[bot]', type: 'Bot' } });

/** Sign-offs of the first `count` roles, each by its first listed user, in the template's order. */
function signoffs(config: ReadinessConfig, count: number): CommentFact[] {
  return Object.entries(config.signoffs)
    .slice(0, count)
    .map(([role, rule], index) => {
      const login = rule.users?.[0];
      if (!login) throw new Error(`role ${role}: the moments sign with a listed user; give the role \`users\``);
      return comment(login, `/signoff ${role}`, `2026-11-21T09:${String(30 + index).padStart(2, '0')}:00Z`);
    });
}

function approvals(checks: readonly CheckConfig[], count: number): ReviewFact[] {
  const needed = Math.max(0, ...checks.flatMap((check) => (check.reviews ? [check.reviews.min] : [])));
  return ['alice', 'bob', 'erin', 'frank'].slice(0, Math.min(count, needed)).map((login) => review(login, 'APPROVED'));
}

/**
 * The evidence of a template's release PR at one moment:
 * - opened: CI running, no coverage or other figure recorded, nothing deployed, the description template not filled in, nothing labelled, reviewed or signed;
 * - half-way: CI green, coverage and the other figures recorded, the head deployed, the description filled in, the labels and files in, one approval, the first half of the roles signed;
 * - ready: every approval and sign-off in.
 * The PR changes no component that a `when: paths` names, as most releases. Its live endpoints
 * answer as the probes expect, and it is judged inside the policy's release windows.
 */
export function momentSnapshot(config: ReadinessConfig, policy: string, moment: Moment): EvidenceSnapshot {
  const opened = moment === 'opened';
  const labels = labelsAt(config, opened);
  const checks = config.checks.filter((check) => applies(check, labels));
  const jobs = [...new Set(checks.flatMap((check) => (check.ci ? (check.ci.include ?? ['build']).map((glob) => example(glob, 'build')) : [])))].sort();
  const changes = opened ? [] : checks.flatMap((check) => (check.files?.changed ?? []).map((glob) => example(glob, 'index.md')));
  const files = checks.flatMap((check) => (check.files?.exists ?? []).map((glob) => example(glob, 'index.md')));
  const roles = Object.keys(config.signoffs).length;
  const built = snapshot({
    policy,
    pr: { labels, body: body(checks, !opened) },
    checkRuns: jobs.map((name) => (opened ? checkRun(name, 'in_progress', null) : checkRun(name))),
    statuses: [gateStatus(), ...(opened ? [] : [coverage('86.4% of lines (lcov) · 864/1000'), ...recordedMetrics(config, '2026-11-21T09:20:00Z')])],
    reviews: approvals(checks, moment === 'ready' ? Infinity : opened ? 0 : 1),
    comments: signoffs(config, moment === 'ready' ? roles : opened ? 0 : Math.ceil(roles / 2)),
    sources: {
      changedFiles: changed(CODE_CHANGE, ...changes),
      headTree: tree(CODE_CHANGE, ...files),
      baseStatuses: { ok: true, value: [coverage('86.1% of lines (lcov) · 861/1000')] },
      dependabotAlerts: { ok: true, value: [] },
      secretScanningAlerts: { ok: true, value: [] },
      codeScanningAlerts: { ok: true, value: [] },
    },
    lookups: withLiveLookups(defaultLookups(), config, '2026-11-21T09:20:00Z', !opened),
  });
  return { ...built, evaluatedAt: insideWindows(config, built.evaluatedAt) };
}
