/** Longer URLs are not health endpoints, and would crowd the report. */
export const MAX_URL_LENGTH = 2048;

/**
 * Why a URL may not be probed, or null when it may. Pure, so the config schema can call it:
 * - https only: a probe answer read over plain http could have been forged on the way;
 * - no credentials: the URL is written in the policy and the fact, and the probe never
 *   authenticates (Node would turn `user:pass@` into an Authorization header);
 * - no fragment: it is never sent, so it could only mislead a reader.
 * The message never repeats the URL, which may hold a secret.
 */
export function checkProbeUrl(url: string): string | null {
  if (typeof url !== 'string' || url.trim() === '') return 'the probe URL is empty';
  if (url.length > MAX_URL_LENGTH) return `the probe URL is longer than ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the probe URL is not a valid absolute URL';
  }
  if (parsed.protocol !== 'https:') return `only https:// URLs are probed, not ${parsed.protocol}//`;
  if (parsed.username !== '' || parsed.password !== '') return 'the probe URL must not hold credentials (user:password@): probes never authenticate';
  // `new URL('https://h/#').hash` is '', so look at the text too.
  if (parsed.hash !== '' || url.includes('#')) return 'the probe URL must not have a fragment (#…): it is never sent to the server';
  return null;
}

/**
 * Why a host name (of `allowHosts`, or of a TLS probe) is not one, or null. A bare name or
 * address: no scheme, port or path, so that "the same host" means one thing everywhere.
 */
export function checkProbeHost(host: string): string | null {
  if (typeof host !== 'string' || host === '') return 'the host is empty';
  if (host.length > 253) return 'the host is longer than 253 characters';
  if (host.includes(':')) {
    // Only an IPv6 address has colons; a port belongs in `port`.
    try {
      return new URL(`https://[${host.replace(/^\[|\]$/g, '')}]/`).hostname ? null : 'not an IPv6 address';
    } catch {
      return `\`${host.slice(0, 60)}\` is not a host name: give the port separately, and no scheme`;
    }
  }
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
  if (!host.split('.').every((part) => label.test(part))) return `\`${host.slice(0, 60)}\` is not a host name (letters, digits, - and . only; no scheme, port or path)`;
  return null;
}

/** A host as compared: lower case, an IPv6 address without its brackets. */
export function hostKey(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, '');
}
