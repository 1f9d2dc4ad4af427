import type { CheckOf } from '../config/schema.ts';
import { linearRegex } from '../config/linear-regex.ts';
import { plural } from '../model/phrases.ts';
import { code, codes, joined, rich, type RichText } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { pullRequestPart, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';
import { bodySections, meaningfulText, normaliseTitle } from './pr-body-sections.ts';

function evaluatePrBody(check: CheckOf<'pr_body'>, context: CheckContext): CheckVerdict {
  const { sections = [], matches } = check.pr_body;
  const body = context.snapshot.pullRequest.body;
  const found = bodySections(body);
  const problems: RichText[] = [];
  const unfilled: string[] = [];
  for (const wanted of sections) {
    const section = found.find((item) => normaliseTitle(item.title) === normaliseTitle(wanted));
    if (!section) problems.push(rich`no ${code(`## ${wanted}`)} section`);
    else if (meaningfulText(section.content) === '') problems.push(rich`the ${code(wanted)} section is empty`);
    else continue;
    unfilled.push(wanted);
  }
  const unmatched = matches !== undefined && !linearRegex(matches).test(body) ? matches : null;
  // The pattern is evidence, shown in the checklist; what to do is said in words.
  if (unmatched !== null) problems.push(rich`nothing matches the expected pattern ${code(unmatched)}`);

  if (problems.length > 0) {
    const fixes = [
      ...(unfilled.length > 0 ? [rich`fill in ${plural(unfilled.length, 'section')} under ${unfilled.length === 1 ? 'its heading' : 'their headings'}: ${codes(unfilled)}`] : []),
      ...(unmatched !== null ? [rich`add what “${check.name}” asks for (the gate looks for it with a pattern)`] : []),
    ];
    const todos = [
      ...(unfilled.length > 0 ? [todo({ kind: 'author' }, rich`PR description sections to fill in, each under its ${code('##')} heading`, unfilled.map((title) => rich`${code(title)}`))] : []),
      ...(unmatched !== null ? [todo({ kind: 'author' }, rich`Add to the PR description what this item asks for`)] : []),
    ];
    return {
      outcome: 'fail',
      summary: rich`PR description: ${joined(problems, '; ')}`,
      fix: rich`Edit the PR description: ${joined(fixes, '; ')}.`,
      todos,
      blocker: 'PR description incomplete',
    };
  }
  const parts = [sections.length ? rich`sections ${sections.map((s) => `“${s}”`).join(', ')} filled in` : [], matches !== undefined ? rich`matches ${code(matches)}` : []];
  return { outcome: 'pass', summary: rich`PR description: ${joined(parts.filter((part) => part.length > 0), '; ')}`, evidence: [pullRequestPart('description', context)] };
}

export const prBodyCheck: CheckKindModule<'pr_body'> = { sources: () => [], evaluate: evaluatePrBody };
