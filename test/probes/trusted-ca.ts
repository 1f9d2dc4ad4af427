// For end-to-end tests whose probes reach local servers: a private CA the action's process
// trusts (NODE_EXTRA_CA_CERTS, as a runner would be given one), its certificates made once per
// test file, and every local server closed after each test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeTestCertificates, type TestCertificates } from './certificates.ts';
import { closeAll } from './local-servers.ts';

export interface TrustedCa {
  certificates: TestCertificates;
  /** The environment of an action run that trusts the CA. */
  env: { NODE_EXTRA_CA_CERTS: string };
}

/** Registers the hooks; the returned function gives the CA inside a test. */
export function useTrustedCa(): () => TrustedCa {
  let trusted: TrustedCa | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    const certificates = makeTestCertificates();
    dir = await mkdtemp(join(tmpdir(), 'readiness-ca-'));
    const file = join(dir, 'ca.pem');
    await writeFile(file, certificates.ca);
    trusted = { certificates, env: { NODE_EXTRA_CA_CERTS: file } };
  });
  afterEach(closeAll);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!trusted) throw new Error('useTrustedCa: the CA exists only inside a test');
    return trusted;
  };
}
