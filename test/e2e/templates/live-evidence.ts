// The evidence of the templates' `metric`, `deployment` and `probe` checks, given as a release
// really produces it: the figure a CI job recorded with the action, the deployment job's record
// on GitHub, and live endpoints the runner reaches (local servers in place of the templates'
// placeholder URLs and hosts). The `window` check needs only the fake's clock.
import { metricContext, recordedMetricDescription } from '../../../src/core/metrics/recorded-metric.ts';
import { defaultToken, gatePermissions } from '../../fake-github/index.ts';
import type { ServerCertificate } from '../../probes/certificates.ts';
import { startHttpsServer, type LocalServer } from '../../probes/local-servers.ts';
import { REPO, type ReleaseWorld } from '../release-world.ts';

/** The gate's identity with a workflow GITHUB_TOKEN: the account the `metric-file` step records as. */
const GATE = 'github-actions[bot]';
/** The App the deployment job deploys with. */
export const DEPLOYER = 'deploy-app[bot]';
/** The run of the CI job that measured a figure (the action links it from the status). */
const RUN_URL = 'https://github.com/acme/rocket/actions/runs/7000000002';

/** The gate's workflow grants `deployments: read` besides the README's permissions, as the templates ask. */
export function grantDeploymentsRead(world: ReleaseWorld): void {
  world.fake.addToken(defaultToken, { actor: GATE, kind: 'github-token', permissions: { ...gatePermissions, deployments: 'read' } });
}

/**
 * A figure of the head commit, as the CI job that measured it records it: the action's
 * `metric: <id>` + `metric-file:` step writes this status (see test/e2e/metric-file.test.ts).
 */
export function recordFigure(world: ReleaseWorld, id: string, value: number, unit: string | null = null): void {
  world.fake.addStatus(REPO, world.head(), { context: metricContext(id), state: 'success', description: recordedMetricDescription(value, unit), targetUrl: RUN_URL, creator: GATE });
}

/** The deployment job's record: the head deployed to `environment`, its latest status `success`. */
export function deployHead(world: ReleaseWorld, environment: string): void {
  world.fake.addUser(DEPLOYER, 'Bot');
  const id = world.fake.addDeployment(REPO, { sha: world.head(), environment, creator: DEPLOYER });
  world.fake.addDeploymentStatus(REPO, id, { state: 'success', creator: DEPLOYER, environment_url: `https://${environment}.example.com` });
}

/** A health check endpoint on 127.0.0.1 that answers 200 with `{"status":"ok"}`. */
export function startHealthEndpoint(certificate: ServerCertificate): Promise<LocalServer> {
  return startHttpsServer(certificate, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
}

/**
 * The policy with each placeholder replaced. Throws when the template no longer holds one, or
 * when a probe still names a host of the template: the tests never leave the machine.
 */
export function replacePlaceholders(policy: string, replacements: Record<string, string>): string {
  const replaced = Object.entries(replacements).reduce((text, [placeholder, value]) => {
    if (!text.includes(placeholder)) throw new Error(`The template no longer holds ${placeholder}`);
    return text.replaceAll(placeholder, value);
  }, policy);
  const outside = replaced.split('\n').find((line) => /^\s*probe:/.test(line) && !line.includes('127.0.0.1'));
  if (outside) throw new Error(`A probe of the template still leaves the machine: ${outside.trim()}`);
  return replaced;
}
