// No set of labels lets a release through a template with less than its seed checklist asks.
// Each template's PR is evaluated with every combination of the labels the template names, all
// other evidence green and every role signed off, by the pure core. For each combination:
// - a "mark one" choice without exactly one of its labels never reaches success, even with
//   every approval given: it fails, on the labels check of that choice, and on nothing else;
// - otherwise it reaches success with the approvals the seed asks for that combination (its
//   risk level) and never with one fewer;
// - each item the seed makes conditional applies exactly when its label is there.
//
// Which combinations: the power set of the labels a template names, while it has at most
// MAX_COMBINATIONS members. Past that (chatbot-gateway-k8s names 16 labels: 65,536 sets at
// 3 to 5 ms an evaluation, where every pair of its related sets alone would take 15 s), every
// subset of each *related set* of labels: labels are related when one rule names them both (a
// `one_of`, an `all` or `none` list, a `when: labels` list, `release.labels`). The core reads a
// PR's labels only through those rules, so a check's verdict depends only on the labels of its
// own related set, and the gate's state is the worst verdict: a combination across sets shows no
// verdict that each set's subset does not show alone. Each subset is evaluated against two
// backgrounds for the other sets (their first choice and no other label; their last choice and
// every other label), so that a dependence this argument misses would show as a failure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadinessConfig } from '../../src/core/config/schema.ts';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { createParseMemo } from '../../src/core/evaluation/parse-memo.ts';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { APPROVERS, greenPullRequest, labelsOf, whenRules } from './green-evidence.ts';
import { templateFiles, TEMPLATES } from './template-figures.ts';

const MAX_COMBINATIONS = 256;

/** A "mark one" choice of the seed: exactly one of `labels` is on every release PR. */
interface Choice {
  labels: string[];
  seed: string;
}

/** Items the seed makes conditional: `checks` apply exactly when the PR has one of `labels`. */
interface Conditional {
  checks: string[];
  labels: string[];
  seed: string;
}

interface Expectations {
  choices: Choice[];
  /** Labels that mark a fact of one release (no choice among several), with the seed line. */
  flags: Record<string, string>;
  /** Approvals the seed asks of a release with these labels; `approvalsSeed` says where. */
  approvals: (labels: ReadonlySet<string>) => number;
  approvalsSeed: string;
  conditionals: Conditional[];
}

const RISK = ['risk-low', 'risk-medium', 'risk-high', 'risk-critical'];
const HIGH_RISK = ['risk-high', 'risk-critical'];
const STRATEGIES = ['strategy-blue-green', 'strategy-canary', 'strategy-rolling', 'strategy-recreate'];

/** What each seed checklist asks, written from the checklist, not read from the template. */
const EXPECTED: Record<string, Expectations> = {
  'chatbot-gateway-k8s': {
    choices: [
      { labels: ['type-feature', 'type-hotfix', 'type-security-patch', 'type-config-change'], seed: 'Deployment Type: [Feature / Hotfix / Security Patch / Configuration Change]' },
      { labels: RISK, seed: 'Risk Level: [Low / Medium / High / Critical]' },
      { labels: STRATEGIES, seed: '3.1 Deployment Strategy — Selected Strategy: [Mark one]' },
    ],
    flags: {
      'production-deployment': 'none: the template gates PRs with this label whatever their base',
      'breaking-change': 'Breaking changes documented with migration guide',
      'dns-change': 'DNS records verified (if DNS changes required)',
      'maintenance-window': 'Maintenance window communicated (if applicable)',
    },
    approvals: (labels) => (HIGH_RISK.some((label) => labels.has(label)) ? 2 : 1),
    approvalsSeed: 'All code changes peer-reviewed (minimum 2 approvals for high-risk)',
    conditionals: [
      { checks: ['peer-review-high-risk', 'security-team-signoff'], labels: HIGH_RISK, seed: 'minimum 2 approvals for high-risk; Security team sign-off obtained (for high-risk deployments)' },
      { checks: ['breaking-changes'], labels: ['breaking-change'], seed: 'Breaking changes documented with migration guide' },
      { checks: ['dns-records'], labels: ['dns-change'], seed: 'DNS records verified (if DNS changes required)' },
      { checks: ['maintenance-window-communicated'], labels: ['maintenance-window'], seed: 'Maintenance window communicated (if applicable)' },
      { checks: ['feature-flags'], labels: ['strategy-canary'], seed: 'Feature flags configured (if using phased rollout)' },
      ...STRATEGIES.map((label) => ({ checks: [label], labels: [label], seed: '3.1: the marked strategy' })),
    ],
  },
  'trust-sidecar': {
    choices: [{ labels: ['deploy:docker-compose', 'deploy:kubernetes', 'deploy:binary'], seed: 'Choose Deployment Method (Option 1, 2 or 3)' }],
    flags: { gdpr: 'GDPR compliance review (if applicable)', ccpa: 'CCPA compliance review (if applicable)' },
    approvals: () => 0,
    approvalsSeed: 'none: the checklist asks for no approvals',
    conditionals: [
      { checks: ['compose-build-images', 'compose-env-vars', 'compose-test-locally'], labels: ['deploy:docker-compose'], seed: 'Option 1: Docker Compose (Simplest)' },
      {
        checks: ['k8s-sidecar-container', 'k8s-resource-limits', 'k8s-service-mesh', 'k8s-network-policies', 'k8s-service-account-tokens'],
        labels: ['deploy:kubernetes'],
        seed: 'Option 2: Kubernetes (Scalable); Use network policies (Kubernetes); Use service account tokens (Kubernetes)',
      },
      { checks: ['binary-go-build', 'binary-systemd-service', 'binary-env-vars'], labels: ['deploy:binary'], seed: 'Option 3: Standalone Binary (Go Sidecar)' },
      { checks: ['gdpr-review'], labels: ['gdpr'], seed: 'GDPR compliance review (if applicable)' },
      { checks: ['ccpa-review'], labels: ['ccpa'], seed: 'CCPA compliance review (if applicable)' },
    ],
  },
  'agent-governance': {
    choices: [],
    flags: { phi: 'HIPAA requirements verified (if handling PHI)' },
    approvals: () => 0,
    approvalsSeed: 'none: the checklist asks for no approvals',
    conditionals: [{ checks: ['hipaa-requirements'], labels: ['phi'], seed: 'HIPAA requirements verified (if handling PHI)' }],
  },
  starter: {
    choices: [],
    flags: {},
    approvals: () => 2,
    approvalsSeed: 'its own header: "CI green, two approvals, and a security sign-off"',
    conditionals: [],
  },
};

function powerSet<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((subsets, item) => [...subsets, ...subsets.map((subset) => [...subset, item])], [[]]);
}

/** Labels named together by one rule are related; the related sets are the connected groups. */
function relatedSets(config: ReadinessConfig): string[][] {
  const parent = new Map(labelsOf(config).map((label) => [label, label]));
  const root = (label: string): string => {
    const up = parent.get(label)!;
    return up === label ? label : root(up);
  };
  const rules = [
    config.release?.labels ?? [],
    ...whenRules(config).map((when) => when.labels ?? []),
    ...config.checks.flatMap((check) => [check.labels?.all ?? [], check.labels?.none ?? [], check.labels?.one_of ?? []]),
  ];
  for (const [first, ...rest] of rules) for (const label of rest) parent.set(root(label), root(first!));
  const sets = new Map<string, string[]>();
  for (const label of parent.keys()) sets.set(root(label), [...(sets.get(root(label)) ?? []), label]);
  return [...sets.values()];
}

/** The combinations to evaluate (see the top of this file), each sorted, without repeats. */
function combinations(config: ReadinessConfig, expected: Expectations): string[][] {
  const labels = labelsOf(config);
  const found = 2 ** labels.length <= MAX_COMBINATIONS ? powerSet(labels) : relatedSubsets(config, expected);
  const unique = new Map(found.map((combination) => [[...combination].sort().join(' '), [...combination].sort()]));
  return [...unique.values()];
}

function relatedSubsets(config: ReadinessConfig, expected: Expectations): string[][] {
  const backgrounds = [
    expected.choices.map((choice) => choice.labels[0]!),
    [...expected.choices.map((choice) => choice.labels.at(-1)!), ...Object.keys(expected.flags)],
  ];
  return relatedSets(config).flatMap((related) =>
    backgrounds.flatMap((background) => powerSet(related).map((subset) => [...background.filter((label) => !related.includes(label)), ...subset])),
  );
}

const named = (combination: readonly string[]) => `{${combination.join(', ')}}`;

const TEMPLATE_NAMES = templateFiles().map((file) => file.slice(0, -'.yml'.length));

it('every template has its expectations written down', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(TEMPLATE_NAMES);
});

describe.each(TEMPLATE_NAMES.filter((name) => name in EXPECTED))('template %s', (name) => {
  const expected = EXPECTED[name]!;
  const pr = greenPullRequest(readFileSync(`${TEMPLATES}${name}.yml`, 'utf8'));
  const { config } = pr;
  const choiceCheck = (choice: Choice) =>
    config.checks.find((check) => check.labels?.one_of !== undefined && [...check.labels.one_of].sort().join() === [...choice.labels].sort().join());

  it('names only the labels of its checklist, requires each "mark one" choice, and conditions items on those labels alone', () => {
    const declared = [...expected.choices.flatMap((choice) => choice.labels), ...Object.keys(expected.flags)];
    expect(labelsOf(config).sort()).toEqual(declared.sort());
    for (const choice of expected.choices) {
      const check = choiceCheck(choice);
      expect(check, `no check asks for exactly one of ${named(choice.labels)} (${choice.seed})`).toBeDefined();
      expect({ id: check?.id, required: check?.required, when: check?.when }, choice.seed).toEqual({ id: check?.id, required: true, when: undefined });
    }
    // A condition names labels of one choice (or one fact) only.
    for (const labels of whenRules(config).flatMap((when) => (when.labels ? [when.labels] : []))) {
      const choice = expected.choices.find((c) => c.labels.some((label) => labels.includes(label)));
      if (choice) expect(choice.labels, `when: { labels: ${named(labels)} } mixes in labels of no choice`).toEqual(expect.arrayContaining(labels));
      else expect(labels, `when: { labels: ${named(labels)} }`).toHaveLength(1);
    }
    // Every item conditioned on a label is one the seed makes conditional.
    const conditioned = config.checks.filter((check) => check.when?.labels).map((check) => check.id);
    expect(conditioned.sort()).toEqual(expected.conditionals.flatMap((conditional) => conditional.checks).sort());
  });

  const all = combinations(config, expected);
  it(`asks what the checklist asks for each of ${all.length} combinations of its labels`, () => {
    const memo = createParseMemo();
    const failures: string[] = [];
    const stateOf = (evaluation: Evaluation) => `${evaluation.state} (${evaluation.description})`;
    for (const combination of all) {
      const labels = new Set(combination);
      const fail = (message: string) => failures.push(`${named(combination)}: ${message}`);
      const broken = expected.choices.filter((choice) => choice.labels.filter((label) => labels.has(label)).length !== 1);
      let evaluation: Evaluation;
      if (broken.length > 0) {
        // The most a PR can bring: every approval there is.
        evaluation = evaluate(pr.snapshot(combination, APPROVERS.length), memo);
        const failing = evaluation.checks.filter((check) => check.outcome === 'fail').map((check) => check.id);
        const expectedFailing = broken.map((choice) => choiceCheck(choice)?.id ?? `(the check of ${choice.seed})`);
        if (evaluation.state !== 'failure' || failing.join() !== expectedFailing.join()) {
          fail(`without exactly one label of each choice, expected failure on ${expectedFailing.join(', ')} alone, got ${stateOf(evaluation)}`);
        }
      } else {
        const needed = expected.approvals(labels);
        evaluation = evaluate(pr.snapshot(combination, needed), memo);
        if (evaluation.state !== 'success') fail(`expected success with ${needed} approval(s), got ${stateOf(evaluation)}`);
        for (let fewer = 0; fewer < needed; fewer++) {
          const short = evaluate(pr.snapshot(combination, fewer), memo);
          if (short.state !== 'pending') fail(`${expected.approvalsSeed}: expected pending with ${fewer} approval(s), got ${stateOf(short)}`);
        }
      }
      for (const conditional of expected.conditionals) {
        const applies = conditional.labels.some((label) => labels.has(label));
        for (const id of conditional.checks) {
          const outcome = evaluation.checks.find((check) => check.id === id)?.outcome;
          if (outcome === undefined) fail(`there is no check ${id} (${conditional.seed})`);
          else if ((outcome !== 'skipped') !== applies) fail(`${id} (${conditional.seed}) should ${applies ? '' : 'not '}apply, got ${outcome}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
