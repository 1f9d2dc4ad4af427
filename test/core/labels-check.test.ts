import { describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/core/config/config-error.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import type { CheckResult } from '../../src/core/model/check-result.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';
import { snapshot } from './builders.ts';

const RISK = 'one_of: [risk-low, risk-medium, risk-high, risk-critical]';
const RISKS = '`risk-low`, `risk-medium`, `risk-high`, `risk-critical`';

/** A policy whose only check is `risk-level`, with `labels: { … }`. */
const policyOf = (labels: string) => `version: 1\nchecks:\n  - id: risk-level\n    name: Risk Level\n    labels: { ${labels} }\n`;

function judged(labels: string, prLabels: string[]): CheckResult {
  const result = evaluate(snapshot({ policy: policyOf(labels), pr: { labels: prLabels } }));
  expect(result.configErrors).toEqual([]);
  return result.checks[0]!;
}

describe('labels: one_of, a "mark one" choice', () => {
  it.each<[string, string, string[], 'pass' | 'fail', string, string?, string?]>([
    ['exactly one of the set', RISK, ['risk-high'], 'pass', `Labels: has \`risk-high\`, one of ${RISKS}`],
    ['exactly one, beside labels outside the set', RISK, ['release', 'risk-low', 'dns-change'], 'pass', `Labels: has \`risk-low\`, one of ${RISKS}`],
    ['none of the set', RISK, [], 'fail', `Labels: missing one of ${RISKS}`, `Add one of: ${RISKS}.`, 'no risk-level label'],
    ['only labels outside the set', RISK, ['release', 'risky'], 'fail', `Labels: missing one of ${RISKS}`, `Add one of: ${RISKS}.`, 'no risk-level label'],
    // Compared exactly, as `when: labels` compares them: a look-alike is not the label.
    ['a label that differs in case', RISK, ['Risk-High'], 'fail', `Labels: missing one of ${RISKS}`, `Add one of: ${RISKS}.`, 'no risk-level label'],
    ['two of the set', RISK, ['risk-high', 'risk-low'], 'fail', `Labels: several of ${RISKS}: \`risk-low\`, \`risk-high\``, 'Keep only one of: `risk-low`, `risk-high`.', '2 risk-level labels'],
    ['the whole set', RISK, ['risk-critical', 'risk-high', 'risk-medium', 'risk-low'], 'fail', `Labels: several of ${RISKS}: ${RISKS}`, `Keep only one of: ${RISKS}.`, '4 risk-level labels'],
    ['with all and none, every rule holding', 'all: [reviewed], none: [do-not-merge], one_of: [canary, blue-green]', ['reviewed', 'canary'], 'pass', 'Labels: has `reviewed`; none of `do-not-merge`; has `canary`, one of `canary`, `blue-green`'],
    ['with all: only the choice is wrong', 'all: [reviewed], one_of: [canary, blue-green]', ['reviewed'], 'fail', 'Labels: missing one of `canary`, `blue-green`', 'Add one of: `canary`, `blue-green`.', 'no risk-level label'],
    ['with all: only the required label is missing', 'all: [reviewed], one_of: [canary, blue-green]', ['canary'], 'fail', 'Labels: missing `reviewed`', 'Add `reviewed` on the PR.', 'risk-level labels'],
    ['with none: every rule broken, every fix given', 'none: [do-not-merge], one_of: [canary, blue-green]', ['do-not-merge', 'canary', 'blue-green'], 'fail', 'Labels: has `do-not-merge`; several of `canary`, `blue-green`: `canary`, `blue-green`', 'Remove `do-not-merge` on the PR. Keep only one of: `canary`, `blue-green`.', 'risk-level labels'],
    // The forms that came before one_of read as they did.
    ['all and none alone, holding', 'all: [reviewed], none: [do-not-merge]', ['reviewed'], 'pass', 'Labels: has `reviewed`; none of `do-not-merge`'],
    ['all and none alone, broken', 'all: [reviewed], none: [do-not-merge]', ['do-not-merge'], 'fail', 'Labels: missing `reviewed`; has `do-not-merge`', 'Add `reviewed` and remove `do-not-merge` on the PR.', 'risk-level labels'],
  ])('%s → %s', (_name, labels, prLabels, outcome, summary, fix, blocker) => {
    const check = judged(labels, prLabels);
    expect(check.outcome).toBe(outcome);
    expect(toMarkdown(check.summary)).toBe(summary);
    expect(check.fix === undefined ? undefined : toMarkdown(check.fix)).toBe(fix);
    expect(check.blocker).toBe(blocker);
  });

  it('blocks the gate, and names the check in the status', () => {
    const result = evaluate(snapshot({ policy: policyOf(RISK), pr: { labels: ['risk-low', 'risk-high'] } }));
    expect(result.state).toBe('failure');
    expect(result.description).toContain('2 risk-level labels');
  });
});

describe('labels: the schema', () => {
  const errorsOf = (labels: string): string[] => {
    const parsed = parseConfig(policyOf(labels));
    return parsed.ok ? [] : parsed.errors.map((error) => formatConfigError('readiness.yml', error));
  };

  it.each<[string, string, string[]]>([
    ['one_of alone', RISK, []],
    ['one_of beside all and none', 'all: [reviewed], none: [do-not-merge], one_of: [canary, blue-green]', []],
    ['all alone, as before', 'all: [reviewed]', []],
    ['none alone, as before', 'none: [do-not-merge]', []],
    ['no rule at all', '', ['readiness.yml:5:13: checks[0].labels: give at least one of: all, none, one_of']],
    ['a choice of one', 'one_of: [risk-high]', ['readiness.yml:5:23: checks[0].labels.one_of: list at least two labels to choose from (one label the PR must have goes under all)']],
    ['an empty choice', 'one_of: []', ['readiness.yml:5:23: checks[0].labels.one_of: list at least two labels to choose from (one label the PR must have goes under all)']],
    ['a label listed twice', 'one_of: [risk-low, risk-high, risk-low]', ['readiness.yml:5:45: checks[0].labels.one_of[2]: `risk-low` is listed twice under one_of']],
    ['a choice every PR must have', 'all: [risk-high], one_of: [risk-low, risk-high]', ['readiness.yml:5:52: checks[0].labels.one_of[1]: `risk-high` is under both one_of and all: a label every PR must have is no choice']],
    ['a choice no PR may have', 'none: [risk-high], one_of: [risk-low, risk-high]', ['readiness.yml:5:53: checks[0].labels.one_of[1]: `risk-high` is under both one_of and none: it could never be the one']],
    ['an unknown key', 'one_off: [risk-low, risk-high]', [
      'readiness.yml:5:13: checks[0].labels: give at least one of: all, none, one_of',
      'readiness.yml:5:15: checks[0].labels.one_off: unknown key `one_off` (did you mean `one_of`?)',
    ]],
  ])('%s', (_name, labels, expected) => {
    expect(errorsOf(labels)).toEqual(expected);
  });
});
