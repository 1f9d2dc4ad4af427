// The server's settings come from its environment; each missing or wrong item is named with its fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerSettings } from '../../src/server/server-settings.ts';

const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n';
const GOOD = { APP_ID: '12345', PRIVATE_KEY: KEY, WEBHOOK_SECRET: 's3cret' };

describe('readServerSettings', () => {
  it('reads a complete environment, with defaults for the rest', () => {
    expect(readServerSettings(GOOD)).toEqual({
      appId: '12345',
      privateKey: KEY,
      webhookSecret: 's3cret',
      apiUrl: 'https://api.github.com',
      host: '0.0.0.0',
      port: 3000,
      webhookPath: '/api/github/webhooks',
      configPath: '.github/readiness.yml',
      policyFrom: 'default-branch',
      prBudgetMs: 60_000,
      recordsDir: join(tmpdir(), 'release-readiness-records'),
      sweepMinutes: 60,
    });
    expect(readServerSettings({ ...GOOD, RECORDS_DIR: '/var/lib/records' }).recordsDir).toBe('/var/lib/records');
  });

  it('takes a GHES API URL, a key with escaped newlines, or a key file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    writeFileSync(join(dir, 'app.pem'), KEY);
    expect(readServerSettings({ ...GOOD, GITHUB_API_URL: 'https://github.example.com/api/v3/' }).apiUrl).toBe('https://github.example.com/api/v3');
    expect(readServerSettings({ ...GOOD, PRIVATE_KEY: KEY.replaceAll('\n', '\\n') }).privateKey).toBe(KEY);
    expect(readServerSettings({ ...GOOD, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: join(dir, 'app.pem') }).privateKey).toBe(KEY);
  });

  it.each([
    ['nothing set', {}, ['APP_ID is not set', 'WEBHOOK_SECRET is not set', 'PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set']],
    ['an App id that is not one', { ...GOOD, APP_ID: 'my-app' }, ['APP_ID must be the App’s numeric id (got `my-app`)']],
    ['a key that is no PEM', { ...GOOD, PRIVATE_KEY: 'hunter2' }, ['The private key is not a PEM private key']],
    ['both kinds of key', { ...GOOD, PRIVATE_KEY_PATH: '/x.pem' }, ['Set PRIVATE_KEY or PRIVATE_KEY_PATH, not both.']],
    ['a key file that is not there', { ...GOOD, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/nonexistent/app.pem' }, ['PRIVATE_KEY_PATH: cannot read /nonexistent/app.pem (ENOENT)']],
    ['a port out of range', { ...GOOD, PORT: '70000' }, ['PORT must be a whole number from 0 to 65535 (got `70000`)']],
    ['a sweep interval that is not one', { ...GOOD, SWEEP_MINUTES: 'hourly' }, ['SWEEP_MINUTES must be a whole number from 0 to 1440 (got `hourly`)']],
    ['an unknown policy source', { ...GOOD, POLICY_FROM: 'head' }, ['POLICY_FROM must be default-branch or base (got `head`)']],
    ['an API URL without a scheme', { ...GOOD, GITHUB_API_URL: 'api.github.com' }, ['GITHUB_API_URL must be the REST API']],
  ])('%s: every problem at once, each with its fix', (_name, env, problems) => {
    let message = '';
    try {
      readServerSettings(env as NodeJS.ProcessEnv);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The server cannot start:/);
    for (const problem of problems) expect(message).toContain(problem);
  });
});
