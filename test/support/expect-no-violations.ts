// For afterEach: fails the test when the action sent a request GitHub would
// reject, or the fake answered something GitHub would not (see fake.violations).
import type { FakeGitHub } from '../fake-github/index.ts';

export function expectNoViolations(fake: FakeGitHub): void {
  if (fake.violations.length === 0) return;
  const lines = fake.violations.map((v) => `  [${v.kind}] ${v.method} ${v.path}: ${v.message}`);
  throw new Error(`Fake GitHub recorded ${fake.violations.length} violation(s):\n${lines.join('\n')}`);
}
