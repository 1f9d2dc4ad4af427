// A release PR on which every piece of evidence a template asks for is green and every role
// has signed off: only its labels and its number of approvals are left to vary. Built from the
// template itself, so that a check added to a template is covered without editing this file.
import { matchesAnyGlob } from '../../src/core/config/patterns.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import type { ReadinessConfig, WhenRules } from '../../src/core/config/schema.ts';
import type { EvidenceSnapshot, StatusFact } from '../../src/core/evidence/snapshot.ts';
import { changed, checkRun, comment, defaultLookups, gateStatus, review, snapshot, status, tree } from '../core/builders.ts';
import { insideWindows, recordedMetrics, withLiveLookups } from './live-evidence.ts';

/** Texts that the templates' `pr_body: { matches }` expressions look for. */
const MATCHED_TEXT = ['Change ticket: CHG0012345.'];

/** Approvers: people with write access, none of whom shaped the PR. */
export const APPROVERS = ['reviewer-1', 'reviewer-2', 'reviewer-3', 'reviewer-4'];

export interface GreenPullRequest {
  config: ReadinessConfig;
  /** The evidence of a PR with these labels and the first `approvals` of APPROVERS approving. */
  snapshot(labels: readonly string[], approvals: number): EvidenceSnapshot;
}

/**
 * A path that `glob` matches: the first alternative of each `{a,b}`, a `**` that spans no
 * folder, and an `x` for each other wildcard.
 */
export function examplePath(glob: string): string {
  const path = glob
    .replace(/\{([^{},]*)(?:,[^{}]*)?\}/g, '$1')
    .replace(/\*\*\//g, '')
    .replace(/[*?]+/g, 'x');
  if (!matchesAnyGlob([glob], path)) throw new Error(`no example path for the glob ${glob} (tried ${path})`);
  return path;
}

/** The `when:` conditions of a policy: its checks' and its roles'. */
export const whenRules = (config: ReadinessConfig): WhenRules[] => [
  ...config.checks.flatMap((check) => (check.when ? [check.when] : [])),
  ...Object.values(config.signoffs).flatMap((role) => (role.when ? [role.when] : [])),
];

/** The template with a distinct person in place of each placeholder login (`your-…`). */
function withPeople(template: string): string {
  const placeholders = [...new Set(template.match(/\byour-[a-z-]+/g) ?? [])];
  return placeholders.reduce((text, placeholder, index) => text.replaceAll(placeholder, `signer-${index + 1}`), template);
}

export function greenPullRequest(template: string): GreenPullRequest {
  const policy = withPeople(template);
  const parsed = parseConfig(policy);
  if (!parsed.ok) throw new Error(`the template is invalid: ${JSON.stringify(parsed.errors[0])}`);
  const config = parsed.config;
  const checks = config.checks;

  const ciNames = checks.flatMap((check) => check.ci?.include?.map(examplePath) ?? []);
  // Only what `files: changed` asks for: the "if applicable" items of components the release
  // does not touch do not apply. They name no label, and would only make each evaluation slower
  // (the core compiles a glob each time it matches one).
  const changedPaths = checks.flatMap((check) => check.files?.changed?.map(examplePath) ?? []);
  const treePaths = [...checks.flatMap((check) => check.files?.exists?.map(examplePath) ?? []), ...changedPaths];
  const sections = [...new Set(checks.flatMap((check) => check.pr_body?.sections ?? []))];
  const body = [...MATCHED_TEXT, ...sections.map((section) => `## ${section}\nWritten for this release.`)].join('\n\n');

  const coverage = (from: string | undefined): StatusFact =>
    from === undefined
      ? status('release-readiness/coverage', 'success', { description: '90.0% of lines (lcov) · 900/1000', creator: { login: 'github-actions[bot]', type: 'Bot' } })
      : status(from, 'success', { description: '90.0%' });
  const coverages = [...new Set(checks.flatMap((check) => (check.coverage ? [check.coverage.from] : [])))].map(coverage);
  const metrics = recordedMetrics(config, '2026-11-21T09:20:00Z');

  // Made once, so that the memo parses each sign-off comment once for every combination.
  const signoffs = Object.entries(config.signoffs).map(([role, settings]) => {
    const signer = settings.users?.[0];
    if (signer === undefined || settings.min > 1) throw new Error(`role ${role}: the builder signs with its first user only`);
    return comment(signer, `/signoff ${role}`);
  });
  const approvals = APPROVERS.map((login) => review(login, 'APPROVED'));
  // `ci: {}` asks for every run, and for at least one to have reported.
  const checkRuns = [...new Set(['build', ...ciNames])].map((name) => checkRun(name));
  const lookups = withLiveLookups(defaultLookups(), config, '2026-11-21T09:20:00Z');
  lookups.permissions = { ...lookups.permissions, ...Object.fromEntries(APPROVERS.map((login) => [login, { ok: true as const, value: 'write' }])) };

  return {
    config,
    snapshot: (labels, approved) => {
      const built = snapshot({
        policy,
        pr: { labels: [...labels], body },
        checkRuns,
        statuses: [...coverages, ...metrics, gateStatus()],
        reviews: approvals.slice(0, approved),
        comments: signoffs,
        lookups,
        sources: {
          changedFiles: changed(...changedPaths),
          headTree: tree(...treePaths),
          dependabotAlerts: { ok: true, value: [] },
          secretScanningAlerts: { ok: true, value: [] },
          codeScanningAlerts: { ok: true, value: [] },
          baseStatuses: { ok: true, value: coverages },
        },
      });
      // Judged inside the policy's release windows (the builder's clock is a Saturday).
      return { ...built, evaluatedAt: insideWindows(config, built.evaluatedAt) };
    },
  };
}

/** Every label a policy names: its release rule, its `when:` conditions, its labels checks. */
export function labelsOf(config: ReadinessConfig): string[] {
  return [
    ...new Set([
      ...(config.release?.labels ?? []),
      ...whenRules(config).flatMap((when) => when.labels ?? []),
      ...config.checks.flatMap((check) => [...(check.labels?.all ?? []), ...(check.labels?.none ?? []), ...(check.labels?.one_of ?? [])]),
    ]),
  ];
}
