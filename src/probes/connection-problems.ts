import { clean, duration } from './wording.ts';

/**
 * Why a connection gave no answer, sorted by what it means for the check:
 * - `certificate`: the server answered the handshake with a certificate that is refused. That
 *   is the endpoint's own fault, and it would say the same again: `fail`, never retried.
 * - `network` and `timeout`: nothing was learnt about the endpoint: retried once, then
 *   `unreachable`.
 */
export type ConnectionProblem = { kind: 'certificate' | 'network' | 'timeout'; detail: string };

/** OpenSSL's verification results as Node names them (crypto_common.cc), and Node's own host check. */
const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CRL_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID',
  'CRL_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Words for the codes a TLS socket reports without a message (`authorizationError`). */
const CERTIFICATE_WORDS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_REVOKED: 'certificate revoked',
  INVALID_CA: 'invalid CA certificate',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
};

export function isCertificateCode(code: string | undefined): boolean {
  return code !== undefined && CERTIFICATE_CODES.has(code);
}

/** "certificate not trusted: …", "certificate expired", "certificate not valid for example.com: …". */
export function certificateDetail(code: string, host: string, message?: string): string {
  if (code === 'CERT_HAS_EXPIRED') return 'certificate expired';
  if (code === 'CERT_NOT_YET_VALID') return 'certificate not yet valid';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return `certificate not valid for ${host}${message ? `: ${clean(message)}` : ''}`;
  // Our words first: the same for both probes, and without Node's hints about its own flags.
  return `certificate not trusted: ${clean(CERTIFICATE_WORDS[code] ?? message ?? code)}`;
}

export function timeoutProblem(timeoutMs: number): ConnectionProblem {
  return { kind: 'timeout', detail: `no answer within ${duration(timeoutMs)}` };
}

/** An error from `https.request` or `tls.connect`, in a person's words. */
export function connectionProblem(error: NodeJS.ErrnoException & { reason?: string }, host: string, port: number): ConnectionProblem {
  // A name with several addresses fails as an AggregateError; the first attempt's code tells why.
  const code = error.code ?? (error instanceof AggregateError ? (error.errors[0] as NodeJS.ErrnoException | undefined)?.code : undefined);
  if (code !== undefined && isCertificateCode(code)) return { kind: 'certificate', detail: certificateDetail(code, host, error.reason ?? error.message) };
  const where = `${host}:${port}`;
  const detail = (() => {
    switch (code) {
      case 'ECONNREFUSED':
        return `connection refused by ${where}`;
      case 'ENOTFOUND':
        return `no such host: ${host}`;
      case 'EAI_AGAIN':
        return `could not look up ${host} (DNS did not answer)`;
      case 'ECONNRESET':
      case 'EPIPE':
        return `${where} closed the connection`;
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return `no route to ${where}`;
      default:
        if (code === 'EPROTO' || code?.startsWith('ERR_SSL_')) return `TLS handshake with ${where} failed: ${clean(error.message)}`;
        return `could not reach ${where}: ${clean(error.message)}`;
    }
  })();
  return { kind: 'network', detail };
}
