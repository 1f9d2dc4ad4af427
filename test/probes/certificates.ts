// Certificates for the probe tests, made fresh by the openssl CLI: a private CA and server
// certificates signed by it with chosen dates. openssl rather than an npm package: it is on
// every machine of this project's kind and adds no dependency (selfsigned would bring
// @peculiar/x509 and pkijs). Without it the tests fail, loudly, rather than skip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ServerCertificate {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** The clock the certificates were dated from, to the second: pass it as `options.now`. */
  issuedAt: Date;
  /** The CA's certificate, to pass as `options.ca`. */
  ca: string;
  /** For localhost and 127.0.0.1, from a day ago for 365 days. */
  valid: ServerCertificate;
  /** For localhost and 127.0.0.1, 5 days left. */
  expiresSoon: ServerCertificate;
  /** For localhost and 127.0.0.1, from 40 to 10 days ago. */
  expired: ServerCertificate;
  /** For other.example only, 365 days. */
  wrongName: ServerCertificate;
}

const CONFIG = `
[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
default_md = sha256
policy = any
unique_subject = no
rand_serial = yes
[any]
commonName = supplied
[local]
basicConstraints = critical,CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
[other]
basicConstraints = critical,CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.example
`;

function openssl(dir: string, args: string[]): void {
  try {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the openssl command is not installed (Debian: apt-get install openssl)' : String((error as { stderr?: Buffer }).stderr ?? error);
    throw new Error(`The probe tests make their certificates with openssl, and could not: ${reason}`, { cause: error });
  }
}

/** openssl ca's date format, YYYYMMDDHHMMSSZ. */
function opensslDate(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export function makeTestCertificates(): TestCertificates {
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const dir = mkdtempSync(join(tmpdir(), 'probe-certs-'));
  try {
    writeFileSync(join(dir, 'ca.cnf'), CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Probe Test CA', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    // One key and request for every server certificate: only names and dates differ.
    openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
    const key = readFileSync(join(dir, 'server.key'), 'utf8');
    const sign = (name: string, section: string, fromDays: number, toDays: number): ServerCertificate => {
      const start = opensslDate(new Date(issuedAt.getTime() + fromDays * DAY_MS));
      const end = opensslDate(new Date(issuedAt.getTime() + toDays * DAY_MS));
      openssl(dir, ['ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'server.csr', '-out', `${name}.pem`, '-extensions', section, '-startdate', start, '-enddate', end]);
      return { key, cert: readFileSync(join(dir, `${name}.pem`), 'utf8') };
    };
    return {
      issuedAt,
      ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
      valid: sign('valid', 'local', -1, 365),
      expiresSoon: sign('soon', 'local', -1, 5),
      expired: sign('expired', 'local', -40, -10),
      wrongName: sign('wrong-name', 'other', -1, 365),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
