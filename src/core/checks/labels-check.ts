import type { CheckOf } from '../config/schema.ts';
import { capitalized, code, codes, joined, rich, type RichText } from '../model/rich-text.ts';
import { pullRequestPart, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';

/** The parts that apply, in order: an empty list of labels says nothing. */
const given = (...parts: [string[], RichText][]): RichText[] => parts.flatMap(([labels, part]) => (labels.length > 0 ? [part] : []));

type Choice = { holds: RichText } | { problem: RichText; fix: RichText; blocker: string };

/**
 * A "mark one" choice (a risk level, a deployment strategy): exactly one of `choices` is on the PR.
 * Labels are compared exactly, as `when: labels` compares them, so that the label that passes
 * this check is the label that makes the items conditioned on it apply.
 */
function choiceOf(id: string, choices: string[], labels: string[]): Choice {
  const chosen = choices.filter((label) => labels.includes(label));
  const [only] = chosen;
  if (only !== undefined && chosen.length === 1) return { holds: rich`has ${code(only)}, one of ${codes(choices)}` };
  if (only === undefined) return { problem: rich`missing one of ${codes(choices)}`, fix: rich`Add one of: ${codes(choices)}.`, blocker: `no ${id} label` };
  return { problem: rich`several of ${codes(choices)}: ${codes(chosen)}`, fix: rich`Keep only one of: ${codes(chosen)}.`, blocker: `${chosen.length} ${id} labels` };
}

function evaluateLabels(check: CheckOf<'labels'>, context: CheckContext): CheckVerdict {
  const { all = [], none = [], one_of: choices } = check.labels;
  const labels = context.snapshot.pullRequest.labels;
  const missing = all.filter((label) => !labels.includes(label));
  const forbidden = none.filter((label) => labels.includes(label));
  const choice = choices ? choiceOf(check.id, choices, labels) : undefined;
  const problems = given([missing, rich`missing ${codes(missing)}`], [forbidden, rich`has ${codes(forbidden)}`]);
  const actions = given([missing, rich`add ${codes(missing)}`], [forbidden, rich`remove ${codes(forbidden)}`]);
  const fixes = actions.length > 0 ? [rich`${capitalized(joined(actions, ' and '))} on the PR.`] : [];
  if (choice && 'problem' in choice) {
    problems.push(choice.problem);
    fixes.push(choice.fix);
  }
  if (problems.length > 0) {
    // The status description names the choice when it is all that is wrong: "no risk-level label".
    const blocker = choice && 'blocker' in choice && actions.length === 0 ? choice.blocker : `${check.id} labels`;
    return { outcome: 'fail', summary: rich`Labels: ${joined(problems, '; ')}`, fix: joined(fixes, ' '), blocker };
  }
  const held = given([all, rich`has ${codes(all)}`], [none, rich`none of ${codes(none)}`]);
  if (choice && 'holds' in choice) held.push(choice.holds);
  return { outcome: 'pass', summary: rich`Labels: ${joined(held, '; ')}`, evidence: [pullRequestPart('labels', context)] };
}

export const labelsCheck: CheckKindModule<'labels'> = { sources: () => [], evaluate: evaluateLabels };
