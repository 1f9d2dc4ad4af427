import type { CheckOf } from '../config/schema.ts';
import { capitalized, codes, joined, rich, type RichText } from '../model/rich-text.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';

/** The parts that apply, in order: an empty list of labels says nothing. */
const given = (...parts: [string[], RichText][]): RichText[] => parts.flatMap(([labels, part]) => (labels.length > 0 ? [part] : []));

function evaluateLabels(check: CheckOf<'labels'>, context: CheckContext): CheckVerdict {
  const { all = [], none = [] } = check.labels;
  const labels = context.snapshot.pullRequest.labels;
  const missing = all.filter((label) => !labels.includes(label));
  const forbidden = none.filter((label) => labels.includes(label));
  const problems = given([missing, rich`missing ${codes(missing)}`], [forbidden, rich`has ${codes(forbidden)}`]);
  if (problems.length > 0) {
    const actions = given([missing, rich`add ${codes(missing)}`], [forbidden, rich`remove ${codes(forbidden)}`]);
    return { outcome: 'fail', summary: rich`Labels: ${joined(problems, '; ')}`, fix: rich`${capitalized(joined(actions, ' and '))} on the PR.`, blocker: `${check.id} labels` };
  }
  const held = given([all, rich`has ${codes(all)}`], [none, rich`none of ${codes(none)}`]);
  return { outcome: 'pass', summary: rich`Labels: ${joined(held, '; ')}` };
}

export const labelsCheck: CheckKindModule<'labels'> = { sources: () => [], evaluate: evaluateLabels };
