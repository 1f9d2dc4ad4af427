// GitHub's App manifest flow over real HTTP: "Create GitHub App" clicked on a
// manifest gives a code; POST /app-manifests/{code}/conversions, with no
// credential, turns it once and within the hour into the App, whose key signs
// the JWT GitHub then accepts, with the manifest's permissions, events and
// webhook. Every other endpoint still wants a credential.
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/payloads.ts';
import { api, webhookReceiver } from './app-helpers.ts';
import type { Answer } from './app-helpers.ts';
import { signAppJwt } from './index.ts';
import type { AppManifest, FakeGitHub } from './index.ts';
import { useSeededFake } from './test-helpers.ts';

let fake: FakeGitHub;
let number: number;
const repo = 'acme/rocket';
useSeededFake((seeded) => ({ fake, number } = seeded));

function manifest(changes: Partial<AppManifest> = {}): AppManifest {
  return {
    name: 'Release Readiness',
    url: 'https://example.com/release-readiness',
    description: 'Gates release pull requests',
    hook_attributes: { url: 'http://127.0.0.1:9/webhooks', active: true },
    redirect_url: 'https://example.com/setup',
    public: false,
    default_permissions: { contents: 'read', metadata: 'read', pull_requests: 'write' },
    default_events: ['pull_request', 'push'],
    ...changes,
  };
}

interface Conversion {
  id: number;
  slug: string;
  client_id: string;
  client_secret: string;
  webhook_secret: string;
  pem: string;
}

const convert = (code: string, auth?: string): Promise<Answer> => api(fake, 'POST /app-manifests/{code}/conversions', auth, { code });

/** The JWT the new App's code signs with the key the conversion handed it. */
function jwtOf(app: Conversion): string {
  const now = fake.clock.epochSeconds();
  return `Bearer ${signAppJwt(app.pem, { iat: now - 60, exp: now + 600, iss: app.id })}`;
}

describe('a manifest', () => {
  it('becomes the App only when its code is converted, without a credential, once', async () => {
    const code = fake.createAppFromManifest(manifest());
    expect(code).toMatch(/^[0-9a-f]{40}$/);
    expect(fake.store.apps.has('release-readiness')).toBe(false);

    const res = await convert(code);
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      slug: 'release-readiness',
      name: 'Release Readiness',
      description: 'Gates release pull requests',
      external_url: 'https://example.com/release-readiness',
      html_url: 'https://github.com/apps/release-readiness',
      owner: { login: 'github' },
      permissions: { contents: 'read', metadata: 'read', pull_requests: 'write' },
      events: ['pull_request', 'push'],
      client_id: expect.stringMatching(/^Iv23li[0-9a-f]{14}$/),
      client_secret: expect.stringMatching(/^[0-9a-f]{40}$/),
      webhook_secret: expect.stringMatching(/^[0-9a-f]{40}$/),
      pem: expect.stringMatching(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n$/),
    });

    const app = res.data as Conversion;
    const self = await api(fake, 'GET /app', jwtOf(app));
    expect(self.status).toBe(200);
    expect(self.data).toMatchObject({ id: app.id, slug: 'release-readiness', client_id: app.client_id, installations_count: 0, permissions: { pull_requests: 'write' }, events: ['pull_request', 'push'] });

    expect(await convert(code)).toMatchObject({ status: 404, data: { message: 'Not Found' } });
  });

  it('registers no permissions or events it does not name, for the owner who clicked', async () => {
    const res = await convert(fake.createAppFromManifest(manifest({ default_permissions: undefined, default_events: undefined }), { owner: 'acme' }));
    expect(res).toMatchObject({ status: 201, data: { owner: { login: 'acme', type: 'Organization' }, permissions: {}, events: [] } });
  });

  it('sets the App’s webhook: its URL, signed with the secret the conversion returned, for its events only', async () => {
    let secret = '';
    const receiver = await webhookReceiver(() => secret);
    try {
      const res = await convert(fake.createAppFromManifest(manifest({ hook_attributes: { url: receiver.url } })));
      const app = res.data as Conversion;
      secret = app.webhook_secret;
      fake.installApp(app.id, repo);

      const delivered = await fake.deliver(app.id, 'pull_request', pullRequestEvent(fake, repo, number, 'opened'));
      expect(delivered.status).toBe(202);
      expect(receiver.received.map((r) => [r.signed, r.headers['x-github-hook-installation-target-id']])).toEqual([[true, String(app.id)]]);
      expect(fake.deliveries).toEqual([expect.objectContaining({ app: 'release-readiness', url: receiver.url })]);
      await expect(fake.deliver(app.id, 'issues', { action: 'opened' })).rejects.toThrow(/does not subscribe to issues/);
    } finally {
      await receiver.close();
    }
  });

  it('with an inactive webhook gets no deliveries', async () => {
    const res = await convert(fake.createAppFromManifest(manifest({ hook_attributes: { url: 'http://127.0.0.1:9/webhooks', active: false } })));
    const app = res.data as Conversion;
    fake.installApp(app.id, repo);
    await expect(fake.deliver(app.id, 'pull_request', pullRequestEvent(fake, repo, number, 'opened'))).rejects.toThrow(/inactive/);
  });

  it('takes its slug from its name: lower-case, each run of other characters one dash', async () => {
    const res = await convert(fake.createAppFromManifest(manifest({ name: ' Release  Gate!! (Staging) ' })));
    expect(res).toMatchObject({ status: 201, data: { slug: 'release-gate-staging', name: ' Release  Gate!! (Staging) ' } });
  });

  it('whose slug an App already has is refused with 422, as is the second of two same-named manifests', async () => {
    fake.registerApp({ slug: 'release-gate' });
    expect(await convert(fake.createAppFromManifest(manifest({ name: 'Release Gate' })))).toMatchObject({ status: 422, data: { message: 'Name has already been taken' } });
    const [first, second] = [fake.createAppFromManifest(manifest()), fake.createAppFromManifest(manifest({ name: 'release readiness' }))];
    expect((await convert(first)).status).toBe(201);
    expect((await convert(second)).status).toBe(422);
    expect(fake.violations.splice(0)).toEqual([
      expect.objectContaining({ kind: 'request', message: 'apps/create-from-manifest: Name has already been taken' }),
      expect.objectContaining({ kind: 'request', message: 'apps/create-from-manifest: Name has already been taken' }),
    ]);
  });
});

describe('a code', () => {
  it('expires an hour after the click, on the fake’s clock', async () => {
    const code = fake.createAppFromManifest(manifest());
    fake.clock.advance(3599);
    expect((await convert(code)).status).toBe(201);

    const late = fake.createAppFromManifest(manifest({ name: 'Late' }));
    fake.clock.advance(3600);
    expect(await convert(late)).toMatchObject({ status: 404, data: { message: 'Not Found' } });
    expect(fake.store.apps.has('late')).toBe(false);
  });

  it('never issued is not found', async () => {
    expect(await convert('0123456789abcdef0123456789abcdef01234567')).toMatchObject({ status: 404, data: { message: 'Not Found' } });
  });
});

describe('credentials', () => {
  it('are not needed for the conversion, but one sent must be good', async () => {
    expect((await convert(fake.createAppFromManifest(manifest({ name: 'With Token' })), 'token ghs_gate')).status).toBe(201);
    expect(await convert(fake.createAppFromManifest(manifest({ name: 'Bad Token' })), 'token ghs_nobody')).toMatchObject({ status: 401, data: { message: 'Bad credentials' } });
  });

  it('are not needed by Octokit’s apps.createFromManifest either', async () => {
    const octokit = new Octokit({ baseUrl: fake.url });
    const { data } = await octokit.rest.apps.createFromManifest({ code: fake.createAppFromManifest(manifest()) });
    expect(data).toMatchObject({ slug: 'release-readiness', pem: expect.stringContaining('PRIVATE KEY') });
  });

  it('are still needed everywhere else', async () => {
    expect(await api(fake, 'GET /app', undefined)).toMatchObject({ status: 401, data: { message: 'A JSON web token could not be decoded' } });
    expect(await api(fake, 'GET /repos/{owner}/{repo}', undefined, { owner: 'acme', repo: 'rocket' })).toMatchObject({ status: 401, data: { message: 'Bad credentials' } });
    expect(await api(fake, 'GET /repos/{owner}/{repo}/pulls/{pull_number}', undefined, { owner: 'acme', repo: 'rocket', pull_number: number })).toMatchObject({ status: 401 });
  });
});

describe('an invalid manifest', () => {
  const without = (field: keyof AppManifest): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...manifest() };
    delete rest[field];
    return rest;
  };
  it.each([
    ['without a url', without('url'), /url is required/],
    ['without hook_attributes', without('hook_attributes'), /hook_attributes is required/],
    ['without a hook URL', { ...manifest(), hook_attributes: { active: true } }, /hook_attributes\.url is required/],
    ['without a name', without('name'), /name is required/],
    ['with a name too long', manifest({ name: 'x'.repeat(35) }), /name is too long \(maximum is 34 characters\)/],
    ['with a name of no letter or digit', manifest({ name: '!!!' }), /name must contain a letter or a digit/],
    ['with a URL that is not http(s)', manifest({ url: 'ftp://example.com' }), /url must be a full http\(s\) URL/],
    ['with an unknown permission', manifest({ default_permissions: { pull_request: 'write' } }), /pull_request is not a permission/],
    ['with a level a permission lacks', manifest({ default_permissions: { contents: 'admin' } }), /contents must be read or write/],
    ['with an unknown event', manifest({ default_events: ['pull_requests'] }), /cannot subscribe to: pull_requests/],
    ['with a field GitHub does not know', { ...manifest(), default_permission: {} }, /default_permission is not a manifest field/],
    ['that is not an object', [], /must be a JSON object/],
  ])('%s throws saying so, and no code is kept', (_what, invalid, message) => {
    expect(() => fake.createAppFromManifest(invalid)).toThrow(message);
    expect(() => fake.createAppFromManifest(invalid)).toThrow(/^Invalid GitHub App manifest: /);
    expect(fake.store.appManifests.size).toBe(0);
  });

  it('names every problem at once', () => {
    expect(() => fake.createAppFromManifest({ public: 'yes' })).toThrow('Invalid GitHub App manifest: name is required; url is required; hook_attributes is required; public must be true or false');
  });

  it('for an unknown owner throws too', () => {
    expect(() => fake.createAppFromManifest(manifest(), { owner: 'nobody-here' })).toThrow(/Unknown user nobody-here/);
  });
});
