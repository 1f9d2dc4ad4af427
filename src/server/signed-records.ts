import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readinessRecord, recordJson } from '../core/record/readiness-record.ts';
import type { RunResult } from '../gate/run-gate.ts';
import { GATE_VERSION } from '../gate/gate-version.ts';
import type { RepoRef } from '../github/repository.ts';
import type { StructuredLogger } from './json-logger.ts';

/** in-toto's payload type for a Statement in a DSSE envelope. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** DSSE's pre-authentication encoding: what is signed, so that the type cannot be swapped under the signature. */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

/**
 * Signs readiness records with the App's private key, as DSSE envelopes (the in-toto attestation
 * envelope): anyone given the App's public key (`openssl rsa -in app.pem -pubout`) can check that
 * the App, and nothing else, vouched for the release. The key id is the SHA-256 of that public key.
 */
export class RecordSigner {
  readonly #key: ReturnType<typeof createPrivateKey>;
  readonly keyId: string;

  constructor(privateKeyPem: string) {
    this.#key = createPrivateKey(privateKeyPem);
    this.keyId = createHash('sha256').update(createPublicKey(this.#key).export({ type: 'spki', format: 'der' })).digest('hex');
  }

  envelope(statement: string): Envelope {
    const payload = Buffer.from(statement, 'utf8');
    const sig = sign('sha256', preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload), this.#key);
    return { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: payload.toString('base64'), signatures: [{ keyid: this.keyId, sig: sig.toString('base64') }] };
  }
}

/**
 * For each PR the server set to `success`, the readiness record, signed, in
 * `<dir>/<owner>/<repo>/pr-<n>-<sha7>.intoto.json`: the same Statement the action writes for
 * actions/attest, in the envelope the App's key signs.
 */
export async function writeSignedRecords(result: RunResult, repo: RepoRef, dir: string, signer: RecordSigner, log: StructuredLogger): Promise<string[]> {
  const written: string[] = [];
  for (const outcome of result.outcomes) {
    if (outcome.state !== 'success') continue;
    const record = readinessRecord(outcome.snapshot, outcome.evaluation, { gateVersion: GATE_VERSION, runUrl: null });
    if (!record) continue;
    const folder = join(dir, repo.owner, repo.repo);
    const path = join(folder, `pr-${outcome.number}-${outcome.snapshot.pullRequest.head.sha.slice(0, 7)}.intoto.json`);
    const statement = recordJson(record);
    await mkdir(folder, { recursive: true });
    await writeFile(path, `${JSON.stringify(signer.envelope(statement), null, 2)}\n`);
    const digest = `sha256:${createHash('sha256').update(statement).digest('hex')}`;
    log.with({ pr: outcome.number, record: path, digest }).info(`#${outcome.number}: signed readiness record written`);
    written.push(path);
  }
  return written;
}
