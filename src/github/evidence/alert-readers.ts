import type { AlertFact, AlertSeverity } from '../../core/evidence/snapshot.ts';
import type { ReaderContext } from './reader-context.ts';

const SEVERITIES = new Set<string>(['low', 'medium', 'high', 'critical']);

function severityOf(value: string | null | undefined): AlertSeverity | null {
  return value && SEVERITIES.has(value) ? (value as AlertSeverity) : null;
}

// A code-quality rule has no security severity; its own severity still says how bad it is.
// Mapping errors to high keeps a gate on "high" from waving them through.
const RULE_SEVERITY: Record<string, AlertSeverity | null> = { error: 'high', warning: 'medium', note: 'low', none: null };

export async function listDependabotAlerts({ securityClient: client, repo }: ReaderContext): Promise<AlertFact[]> {
  const alerts = await client.paginate(client.rest.dependabot.listAlertsForRepo, { ...repo, state: 'open', per_page: 100 });
  return alerts.map((alert) => ({
    number: alert.number,
    severity: severityOf(alert.security_vulnerability?.severity ?? alert.security_advisory?.severity),
    title: `${alert.dependency?.package?.name ?? 'dependency'}: ${alert.security_advisory?.summary ?? 'vulnerability'}`,
    htmlUrl: alert.html_url,
    scope: alert.dependency?.scope ?? null,
  }));
}

export async function listSecretScanningAlerts({ securityClient: client, repo }: ReaderContext): Promise<AlertFact[]> {
  const alerts = await client.paginate(client.rest.secretScanning.listAlertsForRepo, { ...repo, state: 'open', per_page: 100 });
  return alerts.map((alert) => ({
    number: alert.number ?? 0,
    severity: null,
    title: alert.secret_type_display_name ?? alert.secret_type ?? 'secret',
    htmlUrl: alert.html_url ?? '',
  }));
}

/** Open alerts on the PR's merge ref: what this PR would bring in. */
export async function listCodeScanningAlerts({ securityClient: client, repo, pr }: ReaderContext): Promise<AlertFact[]> {
  const alerts = await client.paginate(client.rest.codeScanning.listAlertsForRepo, {
    ...repo,
    ref: `refs/pull/${pr.number}/merge`,
    state: 'open',
    per_page: 100,
  });
  return alerts.map((alert) => ({
    number: alert.number,
    severity: severityOf(alert.rule.security_severity_level) ?? RULE_SEVERITY[alert.rule.severity ?? 'none'] ?? null,
    title: alert.rule.description ?? alert.rule.id ?? 'alert',
    htmlUrl: alert.html_url,
    tool: alert.tool.name ?? null,
  }));
}
