// The App manifest (docs/app-manifest.json) subscribes to exactly the events the server answers,
// and asks for the permissions those answers need.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGateEvent } from '../../src/gate/gate-event.ts';
import { appManifest } from '../../src/server/app-manifest.ts';
import { appIdentity } from '../../src/github/token-identity.ts';
import { defaultAppPermissions } from '../fake-github/state/apps.ts';

const manifest = JSON.parse(readFileSync(new URL('../../docs/app-manifest.json', import.meta.url), 'utf8')) as {
  default_events: string[];
  default_permissions: Record<string, string>;
  hook_attributes: { url: string; active: boolean };
};

describe('docs/app-manifest.json', () => {
  it('subscribes only to events the gate handles', () => {
    for (const event of manifest.default_events.filter((name) => name !== 'deployment_protection_rule')) {
      const { targets } = parseGateEvent({ name: event, payload: {}, sha: '' }, appIdentity('release-gate'));
      // An empty payload is ignored for want of a PR or a commit, never as an event the gate does not handle.
      expect(targets.kind === 'ignore' ? targets.reason : '', event).not.toMatch(/not one the gate handles/);
    }
    expect(manifest.default_events).toContain('deployment_protection_rule');
  });

  it('is the manifest `create-app` posts, for an example host', () => {
    expect(manifest).toEqual(appManifest('https://release-readiness.example.com/api/github/webhooks'));
  });

  it('asks for at least what the end-to-end tests give the App, with webhooks on', () => {
    for (const [permission, access] of Object.entries(defaultAppPermissions)) expect(manifest.default_permissions[permission], permission).toBe(access);
    expect(manifest.hook_attributes.active).toBe(true);
    expect(manifest.hook_attributes.url).toMatch(/\/api\/github\/webhooks$/);
  });
});
