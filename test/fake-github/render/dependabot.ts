// dependabot-alert objects: the dependency, the advisory (with the CVSS a
// severity of that level typically has) and the vulnerability it matched.
import type { DependabotAlertRecord } from '../state/alert-model.ts';
import type { RepoRecord } from '../state/model.ts';
import type { Json, RenderContext } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

// CVSS 3.1 vectors that score at each severity level.
const cvssFor = {
  critical: { score: 9.8, vector_string: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  high: { score: 7.5, vector_string: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
  medium: { score: 5.3, vector_string: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
  low: { score: 3.1, vector_string: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N' },
} as const;

export function renderDependabotAlert(ctx: RenderContext, repo: RepoRecord, alert: DependabotAlertRecord): Json {
  const pkg = { ecosystem: alert.ecosystem, name: alert.packageName };
  const vulnerability = {
    package: pkg,
    severity: alert.severity,
    vulnerable_version_range: alert.vulnerableVersionRange,
    first_patched_version: alert.firstPatchedVersion === null ? null : { identifier: alert.firstPatchedVersion },
  };
  const cvss = cvssFor[alert.severity];
  return {
    number: alert.number,
    state: alert.state,
    dependency: { package: pkg, manifest_path: alert.manifestPath, scope: alert.scope, relationship: alert.relationship },
    security_advisory: {
      ghsa_id: alert.ghsaId,
      cve_id: alert.cveId,
      summary: alert.summary,
      description: `${alert.summary}.\n\nVersions ${alert.vulnerableVersionRange} of ${alert.packageName} are affected.`,
      vulnerabilities: [vulnerability],
      severity: alert.severity,
      classification: alert.classification,
      cvss,
      cvss_severities: { cvss_v3: cvss, cvss_v4: null },
      epss: null,
      cwes: [],
      identifiers: [{ value: alert.ghsaId, type: 'GHSA' }, ...(alert.cveId ? [{ value: alert.cveId, type: 'CVE' }] : [])],
      references: [{ url: `${webOrigin}/advisories/${alert.ghsaId}` }, ...(alert.cveId ? [{ url: `https://nvd.nist.gov/vuln/detail/${alert.cveId}` }] : [])],
      published_at: alert.createdAt,
      updated_at: alert.createdAt,
      withdrawn_at: null,
    },
    security_vulnerability: vulnerability,
    url: `${ctx.api}/repos/${repo.fullName}/dependabot/alerts/${alert.number}`,
    html_url: `${webOrigin}/${repo.fullName}/security/dependabot/${alert.number}`,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
    dismissed_at: alert.dismissedAt,
    dismissed_by: alert.dismissedBy ? renderUser(ctx, alert.dismissedBy) : null,
    dismissed_reason: alert.dismissedReason,
    dismissed_comment: alert.dismissedComment,
    fixed_at: alert.fixedAt,
    auto_dismissed_at: alert.autoDismissedAt,
    assignees: [],
  };
}
