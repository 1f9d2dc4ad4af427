import { App } from '@octokit/app';
import { Octokit } from '@octokit/core';
import { STATUS_CONTEXT } from '../gate/gate-event.ts';
import type { Logger } from '../gate/logger.ts';
import type { GateSetup } from '../gate/open-gate-run.ts';
import { DEFAULT_NETWORK } from '../github/network-settings.ts';
import { createGitHubClient, type GitHubClient } from '../github/octokit-client.ts';
import { RateBudget } from '../github/requests/rate-budget.ts';
import { RequestPacer } from '../github/requests/request-pacer.ts';
import { proxyConfigured } from '../github/requests/http-send.ts';
import { nodeFetch } from '../github/requests/node-fetch.ts';
import type { RepoRef } from '../github/repository.ts';
import { observeServerClock } from '../github/server-clock.ts';
import { appIdentity } from '../github/token-identity.ts';
import type { ServerSettings } from './server-settings.ts';

/** One installation's client while its token lasts: its ETags, its budget and pace, GitHub's clock. */
interface InstallationClient {
  token: string;
  client: GitHubClient;
  budget: RateBudget;
  pacer: RequestPacer;
  now: () => string;
}

/**
 * The App's side of GitHub: its JWT and the installation tokens it mints (both @octokit/app's,
 * which caches each token until shortly before it expires), and one gate client per installation.
 * A client lives as long as its token: GitHub's ETags belong to the token that read them, so the
 * conditional reads of one installation are answered 304 for the hour its token lasts.
 */
export class Installations {
  readonly #app: App;
  readonly #settings: ServerSettings;
  readonly #clients = new Map<number, InstallationClient>();
  #slug: Promise<string> | null = null;

  constructor(settings: ServerSettings) {
    this.#settings = settings;
    const transport = proxyConfigured(process.env) ? undefined : { fetch: nodeFetch };
    this.#app = new App({
      appId: settings.appId,
      privateKey: settings.privateKey,
      webhooks: { secret: settings.webhookSecret },
      Octokit: Octokit.defaults({ baseUrl: settings.apiUrl, userAgent: 'release-readiness', ...(transport ? { request: transport } : {}) }),
    });
  }

  get webhooks(): App['webhooks'] {
    return this.#app.webhooks;
  }

  /** The App's slug, from GitHub (`GET /app`): its bot, `<slug>[bot]`, is the gate's identity. */
  slug(): Promise<string> {
    this.#slug ??= this.#app.octokit.request('GET /app').then(({ data }) => {
      if (!data?.slug) throw new Error('GitHub did not say the App’s slug (GET /app)');
      return data.slug;
    });
    this.#slug.catch(() => (this.#slug = null));
    return this.#slug;
  }

  async #clientFor(installationId: number, log: Logger): Promise<InstallationClient> {
    const auth = (await this.#app.octokit.auth({ type: 'installation', installationId })) as { token: string };
    const kept = this.#clients.get(installationId);
    if (kept && kept.token === auth.token) return kept;
    const budget = new RateBudget();
    const pacer = new RequestPacer();
    const client = createGitHubClient({ token: auth.token, baseUrl: this.#settings.apiUrl, ...DEFAULT_NETWORK, log, budget, pacer });
    const fresh = { token: auth.token, client, budget, pacer, now: observeServerClock(client, () => new Date().toISOString()) };
    this.#clients.set(installationId, fresh);
    return fresh;
  }

  /** Everything an evaluation in this installation's repository shares. */
  async setupFor(installationId: number, repo: RepoRef, log: Logger): Promise<GateSetup> {
    const [slug, installation] = await Promise.all([this.slug(), this.#clientFor(installationId, log)]);
    const { client, budget, pacer, now } = installation;
    return {
      client,
      securityClient: client,
      budget,
      pacer,
      repo,
      policyPath: this.#settings.configPath,
      policyFrom: this.#settings.policyFrom,
      identity: appIdentity(slug),
      ownCheckNames: [STATUS_CONTEXT],
      activityWaitsMs: DEFAULT_NETWORK.activityWaitsMs,
      runProbe: async (rule) => (await import('../probes/run-probe-rule.ts')).runProbeRule(rule),
      now,
      log,
    };
  }

  /** Every repository of every installation, with the installation that covers it. */
  async *repositories(log: Logger): AsyncGenerator<{ installationId: number; repo: RepoRef }> {
    for await (const { installation } of this.#app.eachInstallation.iterator()) {
      const { client } = await this.#clientFor(installation.id, log);
      const repositories = await client.paginate('GET /installation/repositories', { per_page: 100 });
      for (const repository of repositories) yield { installationId: installation.id, repo: { owner: repository.owner.login, repo: repository.name } };
    }
  }

  /** The installation client, for the deployment protection rule's own requests. */
  async clientFor(installationId: number, log: Logger): Promise<GitHubClient> {
    return (await this.#clientFor(installationId, log)).client;
  }
}
