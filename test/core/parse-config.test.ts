import { describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/core/config/config-error.ts';
import { parseConfig, parsePolicyFile, type ConfigParse } from '../../src/core/config/parse-config.ts';
import { decodePolicy, MAX_POLICY_BYTES } from '../../src/core/config/policy-bytes.ts';
import { POLICY } from './builders.ts';

function located(parsed: ConfigParse): string[] {
  if (parsed.ok) throw new Error('expected the config to be rejected');
  return parsed.errors.map((error) => formatConfigError('readiness.yml', error));
}

const errorsOf = (text: string) => located(parseConfig(text));

/** Nested aliases, ten copies a level: 10,000 strings from four short lines. */
const ALIAS_BOMB = 'version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
const REQUIRES_NOTHING = 'the policy requires nothing (no checks and no sign-offs): the gate would pass every release PR; add a check under `checks:` or a role under `signoffs:`';

describe('parseConfig', () => {
  it('accepts the documented example with defaults filled in', () => {
    const parsed = parseConfig(POLICY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.signoffs['security']).toEqual({ users: ['alice', 'bob'], min: 1, allow_author: false });
    expect(parsed.config.checks.map((check) => [check.id, check.required])).toEqual([
      ['ci', true],
      ['reviews', true],
      ['on-call', true],
    ]);
  });

  it.each<[string, string, string[]]>([
    ['a YAML syntax error', 'version: 1\nchecks: [\n  - id: x\n', [
      'readiness.yml:3:3: Block collections are not allowed within flow collections',
      'readiness.yml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]],
    ['an empty file', '', ['readiness.yml:1:1: the file is empty: start with `version: 1`']],
    ['a wrong version', 'version: 2\n', ['readiness.yml:1:10: version: version must be 1']],
    ['a missing version', 'checks: []\n', ['readiness.yml:1:1: version: this key is required']],
    ['an unknown top-level key', 'version: 1\nsignofs: {}\n', ['readiness.yml:2:1: signofs: unknown key `signofs` (did you mean `signoffs`?)']],
    ['an unknown check key', 'version: 1\nchecks:\n  - id: ci\n    name: CI\n    ci: {}\n    requried: false\n', ['readiness.yml:6:5: checks[0].requried: unknown key `requried` (did you mean `required`?)']],
    ['an unknown key inside a kind', 'version: 1\nchecks:\n  - id: ci\n    name: CI\n    ci: { inclde: [build] }\n', ['readiness.yml:5:11: checks[0].ci.inclde: unknown key `inclde` (did you mean `include`?)']],
    ['a wrong type', 'version: 1\nchecks:\n  - id: r\n    name: R\n    reviews: { min: "2" }\n', ['readiness.yml:5:21: checks[0].reviews.min: expected number, got string `2`']],
    ['a duplicate id', 'version: 1\nchecks:\n  - { id: ci, name: A, ci: {} }\n  - { id: ci, name: B, ci: {} }\n', ['readiness.yml:4:11: checks[1].id: duplicate check id `ci` (also checks[0]): ids must be unique']],
    ['an undeclared role', 'version: 1\nchecks:\n  - { id: oc, name: On-call, signoff: sre }\n', ['readiness.yml:3:39: checks[0].signoff: role `sre` is not declared under signoffs']],
    ['a check with no kind', 'version: 1\nchecks:\n  - { id: x, name: X }\n', ['readiness.yml:3:5: checks[0]: check `x` needs one of: ci, reviews, signoff, coverage, dependabot, secret_scanning, code_scanning, files, pr_body, labels, metric, deployment, probe, window']],
    ['a metric with no bound', 'version: 1\nchecks:\n  - id: m\n    name: M\n    metric: { from: bench, unit: ms }\n', ['readiness.yml:5:13: checks[0].metric: give at least one of: min, max']],
    ['a metric pattern with nothing to read', 'version: 1\nchecks:\n  - id: m\n    name: M\n    metric: { pattern: "([0-9]+)", max: 1 }\n', ['readiness.yml:5:24: checks[0].metric.pattern: pattern reads a tool’s text: give `from` (a recorded metric is a number already)']],
    ['a window on an unknown day', 'version: 1\nchecks:\n  - id: w\n    name: W\n    window: { when: ["Tus-Thu 09:00-16:00"], zone: Europe/Berlin }\n', ['readiness.yml:5:22: checks[0].window.when[0]: unknown day `Tus` at column 1: use Mon, Tue, Wed, Thu, Fri, Sat or Sun']],
    ['a window in an unknown zone', 'version: 1\nchecks:\n  - id: w\n    name: W\n    window: { when: ["Mon 09:00-10:00"], zone: Europe/Berln }\n', ['readiness.yml:5:48: checks[0].window.zone: unknown time zone `Europe/Berln`: did you mean `Europe/Berlin`?']],
    ['a probe over plain http', 'version: 1\nchecks:\n  - id: p\n    name: P\n    probe: { url: "http://example.com/health" }\n', ['readiness.yml:5:19: checks[0].probe.url: only https:// URLs are probed, not http://']],
    ['a check with two kinds', 'version: 1\nchecks:\n  - { id: x, name: X, ci: {}, reviews: {} }\n', ['readiness.yml:3:5: checks[0]: check `x` has ci and reviews: split it into one check per kind']],
    ['a bad regex', 'version: 1\nrelease:\n  title: "(Release"\n', ['readiness.yml:3:10: release.title: `(Release` is not a valid regular expression: missing closing ): `(Release`']],
    ['a backreference', 'version: 1\nrelease:\n  title: "(a+)\\\\1"\n', ['readiness.yml:3:10: release.title: `(a+)\\1` needs backtracking (a backreference or lookaround), which the gate does not run on text a PR controls: invalid escape sequence: `\\1`']],
    ['a lookahead', 'version: 1\nrelease:\n  title: "^(?=Release)"\n', ['readiness.yml:3:10: release.title: `^(?=Release)` needs backtracking (a backreference or lookaround), which the gate does not run on text a PR controls: invalid or unsupported Perl syntax: `(?=`']],
    ['a bad glob', 'version: 1\nrelease:\n  branches: ["release/[a"]\n', ['readiness.yml:3:14: release.branches[0]: `release/[a` is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters']],
    ['an impossible minimum', 'version: 1\nsignoffs:\n  security:\n    users: [alice]\n    min: 2\n', ['readiness.yml:5:10: signoffs.security.min: min is 2 but only 1 user(s) can sign: the role could never be complete']],
    ['a role with no users', 'version: 1\nsignoffs:\n  security:\n    users: []\n', ['readiness.yml:4:12: signoffs.security.users: name at least one user who can sign off this role']],
    ['an uppercase role name', 'version: 1\nsignoffs:\n  Security:\n    users: [alice]\n', ['readiness.yml:3:3: signoffs.Security: a role name is lowercase letters, digits, \'-\' and \'_\', starting with a letter or digit']],
    ['a duplicate key', 'version: 1\nversion: 1\n', ['readiness.yml:2:1: Map keys must be unique']],
    ['an alias bomb', ALIAS_BOMB, ['readiness.yml:3:8: aliases (`*a` and the others) copy their anchors more than 100 times in all, as a YAML alias bomb does: write the values out instead']],
    ['two YAML documents', '---\nversion: 1\nchecks:\n  - { id: ci, name: CI, ci: {} }\n---\nversion: 1\n', ['readiness.yml:5:1: a second YAML document (`---`): a policy is one document; remove this `---` and merge what follows into the first']],
    ['a policy that is only `version: 1`', 'version: 1\n', [`readiness.yml:1:1: ${REQUIRES_NOTHING}`]],
    ['a policy with empty checks and sign-offs', 'version: 1\nrelease:\n  branches: ["release/**"]\nsignoffs: {}\nchecks: []\n', [`readiness.yml:5:9: ${REQUIRES_NOTHING}`]],
    ['a policy over the size limit', `version: 1\n# ${'x'.repeat(MAX_POLICY_BYTES)}\n`, ['readiness.yml:1:1: the file is 257 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks']],
  ])('rejects %s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('a policy with only a role, or only a check, requires something', () => {
    expect(parseConfig('version: 1\nsignoffs:\n  sre: { users: [carol] }\n').ok).toBe(true);
    expect(parseConfig('version: 1\nchecks:\n  - { id: ci, name: CI, ci: {} }\n').ok).toBe(true);
  });

  it('aliases a policy really uses are fine', () => {
    const parsed = parseConfig('version: 1\nchecks:\n  - { id: ci, name: CI, ci: { include: &builds [build, test] } }\n  - { id: ci2, name: CI 2, ci: { include: *builds } }\n');
    expect(parsed.ok && parsed.config.checks[1]).toMatchObject({ ci: { include: ['build', 'test'] } });
  });

  it.each([
    ['a tag it does not know', 'version: !!js/function "x"\n'],
    ['binary data', 'version: 1\nchecks: !!binary aGVsbG8=\n'],
    ['a complex key', 'version: 1\n? [a, b]\n: c\n'],
    ['a NUL byte', 'version: 1\0\n'],
    ['a deep nesting', `version: 1\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
  ])('never throws, whatever the text: %s', (_name, text) => {
    expect(() => parseConfig(text)).not.toThrow();
    expect(parseConfig(text).ok).toBe(false);
  });

  it('warns, without refusing, about placeholder logins left from a template', () => {
    const parsed = parseConfig('version: 1\nsignoffs:\n  security:\n    users: [alice, your-security-lead]\nwriters:\n  ci/jenkins: [your-ci-bot]\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings.map((warning) => formatConfigError('readiness.yml', warning, 'warning'))).toEqual([
      'readiness.yml:4:20: warning: signoffs.security.users[1]: `your-security-lead` is a placeholder from a template: replace it with the GitHub login of someone who signs off `security` (or use `teams:` / `permission:`)',
      'readiness.yml:6:16: warning: writers.ci/jenkins[0]: `your-ci-bot` is a placeholder from a template: replace it with the account that writes `ci/jenkins`',
    ]);
    const clean = parseConfig(POLICY);
    expect(clean.ok && clean.warnings).toEqual([]);
  });

  it('warns about a probe of a host reserved for examples (a template’s endpoint left as it is)', () => {
    const parsed = parseConfig(
      'version: 1\nchecks:\n  - id: health\n    name: Health\n    probe: { url: "https://staging.example.com/health" }\n  - id: tls\n    name: TLS\n    probe: { tls: { host: api.clawdbot.example.com, min_days: 30 } }\n  - id: real\n    name: Real\n    probe: { url: "https://status.acme.io/health" }\n  - id: lookalike\n    name: Not reserved\n    probe: { url: "https://myexample.com/health" }\n',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings.map((warning) => formatConfigError('readiness.yml', warning, 'warning'))).toEqual([
      'readiness.yml:5:19: warning: checks[0].probe.url: `https://staging.example.com/health` is a placeholder from a template (`staging.example.com` is reserved for examples): replace it with your service\'s endpoint, or the probe can never pass',
      'readiness.yml:8:27: warning: checks[1].probe.tls.host: `api.clawdbot.example.com` is a placeholder from a template (a name reserved for examples): replace it with the host whose certificate the release depends on',
    ]);
  });

  it('reports every error at once, in file order', () => {
    const errors = errorsOf('version: 1\nfoo: 1\nchecks:\n  - { id: ci, name: CI, ci: {}, bar: 2 }\n');
    expect(errors.map((e) => e.split(': ')[0])).toEqual(['readiness.yml:2:1', 'readiness.yml:4:33']);
  });
});

describe('parsePolicyFile: the bytes, before the text', () => {
  const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

  it.each<[string, Uint8Array, string]>([
    ['a stray byte', bytes('version: 1\nchecks:\n  - id: ci\n    name: CI ', [0xff, 0xfe], '\n    ci: {}\n'), 'readiness.yml:4:14: byte 43 is not UTF-8: save the file as UTF-8'],
    ['a Latin-1 é after UTF-8 text', bytes('version: 1\n# déjà vu, caf', [0xe9], '\n'), 'readiness.yml:2:15: byte 27 is not UTF-8: save the file as UTF-8'],
    ['a sequence cut short', bytes('version: 1\n# ', [0xe2, 0x82], 'x\n'), 'readiness.yml:2:3: byte 13 is not UTF-8: save the file as UTF-8'],
    ['a sequence cut short by the end of the file', bytes('version: 1\n# ', [0xe2, 0x82]), 'readiness.yml:2:3: byte 13 is not UTF-8: save the file as UTF-8'],
    ['an overlong encoding', bytes('version: 1\n', [0xc0, 0xaf]), 'readiness.yml:2:1: byte 11 is not UTF-8: save the file as UTF-8'],
    ['an encoded surrogate', bytes('version: 1\n', [0xed, 0xa0, 0x80]), 'readiness.yml:2:1: byte 11 is not UTF-8: save the file as UTF-8'],
    ['UTF-16 (with its byte order mark)', bytes([0xff, 0xfe], 'v\0e\0'), 'readiness.yml:1:1: byte 0 is not UTF-8: save the file as UTF-8'],
    ['a character outside the BMP before the stray byte', bytes('version: 1\n# 🚀 ', [0x80]), 'readiness.yml:2:6: byte 18 is not UTF-8: save the file as UTF-8'],
  ])('refuses a file that is not UTF-8, at the byte: %s', (_name, input, expected) => {
    expect(located(parsePolicyFile(decodePolicy(input)))).toEqual([expected]);
  });

  it('reads UTF-8 with or without a byte order mark', () => {
    const text = 'version: 1\nchecks:\n  - { id: ci, name: "CI ✓ 🚀", ci: {} }\n';
    for (const input of [bytes(text), bytes([0xef, 0xbb, 0xbf], text)]) {
      const parsed = parsePolicyFile(decodePolicy(input));
      expect(parsed.ok && parsed.config.checks[0]!.name).toBe('CI ✓ 🚀');
    }
  });

  it('refuses a file over the limit by its size, without decoding it: GitHub sends no content past 1 MB', () => {
    expect(decodePolicy(new Uint8Array(), 5_000_000)).toEqual({ text: '', size: 5_000_000 });
    expect(located(parsePolicyFile(decodePolicy(new Uint8Array(), 5_000_000)))).toEqual(['readiness.yml:1:1: the file is 4883 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks']);
    expect(located(parsePolicyFile(decodePolicy(new Uint8Array(MAX_POLICY_BYTES + 1).fill(0xff))))).toEqual(['readiness.yml:1:1: the file is 257 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks']);
  });
});
