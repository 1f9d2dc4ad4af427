// Webhook deliveries to a GitHub App over real HTTP, received by a node:http
// server on 127.0.0.1 that checks the signature as an App must: GitHub's
// headers, the installation added to the payload, the HMAC of the exact body,
// a wrong signature refused, and payloads checked against the description.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/payloads.ts';
import { signatureMatches, useAppWorld, webhookReceiver } from './app-helpers.ts';
import type { Receiver } from './app-helpers.ts';
import type { FakeGitHub, RegisteredApp } from './index.ts';

let fake: FakeGitHub;
let app: RegisteredApp;
let installation: number;
let receiver: Receiver;
let number: number;
const repo = 'acme/rocket';
useAppWorld((world) => ({ fake, app, installation, receiver, number } = world));

describe('a delivery', () => {
  it('is POSTed with GitHub’s headers, the installation, and the body’s HMAC-SHA256 under the App’s secret', async () => {
    const result = await fake.deliver(app.id, 'pull_request', pullRequestEvent(fake, repo, number, 'opened'));
    expect(result).toEqual({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), status: 202, body: 'accepted', ms: expect.any(Number) });
    const [received] = receiver.received;
    expect(received?.signed).toBe(true);
    expect(received?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^GitHub-Hookshot\/[0-9a-f]{7}$/),
      'x-github-event': 'pull_request',
      'x-github-delivery': result.id,
      'x-github-hook-id': expect.stringMatching(/^\d+$/),
      'x-github-hook-installation-target-id': String(app.id),
      'x-github-hook-installation-target-type': 'integration',
      'x-hub-signature': `sha1=${createHmac('sha1', app.webhookSecret).update(received!.body).digest('hex')}`,
    });
    const payload = JSON.parse(received!.body.toString('utf8')) as Record<string, unknown>;
    expect(payload).toMatchObject({ action: 'opened', number, repository: { full_name: repo }, installation: { id: installation, node_id: expect.any(String) } });
    expect(fake.deliveries).toEqual([expect.objectContaining({ id: result.id, app: 'release-gate', event: 'pull_request', action: 'opened', url: receiver.url, status: 202, payload })]);
  });

  it('with a wrong signature is refused by a receiver that checks it', async () => {
    const payload = pullRequestEvent(fake, repo, number, 'synchronize');
    expect(await fake.deliver('release-gate', 'pull_request', payload, { secret: 'not-the-app-secret' })).toMatchObject({ status: 401, body: 'bad signature' });
    expect(await fake.deliver('release-gate', 'pull_request', payload, { signature: 'sha256=0000' })).toMatchObject({ status: 401 });
    expect(receiver.received.map((r) => r.signed)).toEqual([false, false]);
    const [first] = receiver.received;
    expect(signatureMatches('not-the-app-secret', first!.body, first!.headers['x-hub-signature-256'])).toBe(true);
  });

  it('goes to the App’s own URL and secret when it has them', async () => {
    const own = await webhookReceiver('a-secret-of-its-own');
    try {
      fake.webhookTarget({ app: app.id, url: own.url, secret: 'a-secret-of-its-own' });
      expect((await fake.deliver(app.id, 'pull_request', pullRequestEvent(fake, repo, number, 'opened'))).status).toBe(202);
      expect([own.received.length, receiver.received.length, own.received[0]?.signed]).toEqual([1, 0, true]);
    } finally {
      await own.close();
    }
  });

  it('reports an unreachable receiver as no answer', async () => {
    const gone = await webhookReceiver(app.webhookSecret);
    await gone.close();
    fake.webhookTarget({ url: gone.url });
    expect(await fake.deliver(app.id, 'pull_request', pullRequestEvent(fake, repo, number, 'opened'))).toMatchObject({ status: 0, body: '', error: expect.stringContaining('ECONNREFUSED') });
  });

  it('is not made where GitHub would make none', async () => {
    const payload = pullRequestEvent(fake, repo, number, 'opened');
    const quiet = fake.registerApp({ slug: 'quiet', events: ['push'] });
    fake.installApp(quiet.id, repo);
    await expect(fake.deliver(quiet.id, 'pull_request', payload)).rejects.toThrow(/does not subscribe to pull_request/);
    const elsewhere = fake.registerApp({ slug: 'elsewhere' });
    await expect(fake.deliver(elsewhere.id, 'pull_request', payload)).rejects.toThrow(/no installation/);
    expect(receiver.received).toEqual([]);
  });

  it('whose payload departs from the webhook schema is a violation, and is still sent', async () => {
    const payload = { ...pullRequestEvent(fake, repo, number, 'opened'), number: 'one' };
    expect((await fake.deliver(app.id, 'pull_request', payload)).status).toBe(202);
    expect(fake.violations.splice(0)).toEqual([{ kind: 'webhook', method: 'POST', path: receiver.url, message: expect.stringMatching(/^webhook-pull-request-opened: payload\/number must be integer/) }]);
  });
});
