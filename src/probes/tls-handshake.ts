import { isIP } from 'node:net';
import { checkServerIdentity, connect, type PeerCertificate } from 'node:tls';
import { certificateDetail, connectionProblem, timeoutProblem, type ConnectionProblem } from './connection-problems.ts';
import type { ProbeOptions } from './probe-fact.ts';
import type { TlsProbeSettings } from './probe-input.ts';

export type HandshakeResult =
  | { kind: 'certificate'; certificate: PeerCertificate; refusal: { code: string; detail: string } | null }
  | { kind: 'no-answer'; problem: ConnectionProblem };

/** `authorizationError` is a code string at run time, though typed as an Error. */
function refusalCode(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return 'CERT_UNTRUSTED';
}

/**
 * A TLS handshake and nothing else, to read the certificate the server presents. It verifies
 * the chain and the host name like any client, but does not abort on a refused certificate
 * (`rejectUnauthorized: false`) so that an expired or untrusted one can still be reported with
 * its dates; that is safe because not one byte of application data is sent before closing.
 */
export function tlsHandshake(settings: TlsProbeSettings, options: ProbeOptions): Promise<HandshakeResult> {
  const { host, port } = settings;
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host, ca: options.ca, rejectUnauthorized: false });
    const settle = (result: HandshakeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => settle({ kind: 'no-answer', problem: timeoutProblem(settings.timeoutMs) }), settings.timeoutMs);
    socket.on('error', (error) => settle({ kind: 'no-answer', problem: connectionProblem(error, host, port) }));
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      if (socket.authorized) return settle({ kind: 'certificate', certificate, refusal: null });
      const code = refusalCode(socket.authorizationError);
      // Node gives only the code of a host mismatch; its own check gives the reason.
      const mismatch = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? (checkServerIdentity(host, certificate) as (Error & { reason?: string }) | undefined) : undefined;
      settle({ kind: 'certificate', certificate, refusal: { code, detail: certificateDetail(code, host, mismatch?.reason ?? mismatch?.message) } });
    });
  });
}
