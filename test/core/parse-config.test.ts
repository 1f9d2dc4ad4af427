import { describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/core/config/config-error.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { POLICY } from './builders.ts';

function errorsOf(text: string): string[] {
  const parsed = parseConfig(text);
  if (parsed.ok) throw new Error('expected the config to be rejected');
  return parsed.errors.map((error) => formatConfigError('readiness.yml', error));
}

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
    ['a check with no kind', 'version: 1\nchecks:\n  - { id: x, name: X }\n', ['readiness.yml:3:5: checks[0]: check `x` needs one of: ci, reviews, signoff, coverage, dependabot, secret_scanning, code_scanning, files, pr_body, labels']],
    ['a check with two kinds', 'version: 1\nchecks:\n  - { id: x, name: X, ci: {}, reviews: {} }\n', ['readiness.yml:3:5: checks[0]: check `x` has ci and reviews: split it into one check per kind']],
    ['a bad regex', 'version: 1\nrelease:\n  title: "(Release"\n', ['readiness.yml:3:10: release.title: `(Release` is not a valid regular expression: missing closing ): `(Release`']],
    ['a backreference', 'version: 1\nrelease:\n  title: "(a+)\\\\1"\n', ['readiness.yml:3:10: release.title: `(a+)\\1` needs backtracking (a backreference or lookaround), which the gate does not run on text a PR controls: invalid escape sequence: `\\1`']],
    ['a lookahead', 'version: 1\nrelease:\n  title: "^(?=Release)"\n', ['readiness.yml:3:10: release.title: `^(?=Release)` needs backtracking (a backreference or lookaround), which the gate does not run on text a PR controls: invalid or unsupported Perl syntax: `(?=`']],
    ['a bad glob', 'version: 1\nrelease:\n  branches: ["release/[a"]\n', ['readiness.yml:3:14: release.branches[0]: `release/[a` is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters']],
    ['an impossible minimum', 'version: 1\nsignoffs:\n  security:\n    users: [alice]\n    min: 2\n', ['readiness.yml:5:10: signoffs.security.min: min is 2 but only 1 user(s) can sign: the role could never be complete']],
    ['a role with no users', 'version: 1\nsignoffs:\n  security:\n    users: []\n', ['readiness.yml:4:12: signoffs.security.users: name at least one user who can sign off this role']],
    ['an uppercase role name', 'version: 1\nsignoffs:\n  Security:\n    users: [alice]\n', ['readiness.yml:3:3: signoffs.Security: a role name is lowercase letters, digits, \'-\' and \'_\', starting with a letter or digit']],
    ['a duplicate key', 'version: 1\nversion: 1\n', ['readiness.yml:2:1: Map keys must be unique']],
  ])('rejects %s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('reports every error at once, in file order', () => {
    const errors = errorsOf('version: 1\nfoo: 1\nchecks:\n  - { id: ci, name: CI, ci: {}, bar: 2 }\n');
    expect(errors.map((e) => e.split(': ')[0])).toEqual(['readiness.yml:2:1', 'readiness.yml:4:33']);
  });
});
