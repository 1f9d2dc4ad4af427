import type { CheckOf } from '../config/schema.ts';
import { linearRegex } from '../config/linear-regex.ts';
import { code, joined, rich, type RichText } from '../model/rich-text.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';
import { bodySections, meaningfulText, normaliseTitle } from './pr-body-sections.ts';

function evaluatePrBody(check: CheckOf<'pr_body'>, context: CheckContext): CheckVerdict {
  const { sections = [], matches } = check.pr_body;
  const body = context.snapshot.pullRequest.body;
  const found = bodySections(body);
  const problems: RichText[] = [];
  for (const wanted of sections) {
    const section = found.find((item) => normaliseTitle(item.title) === normaliseTitle(wanted));
    if (!section) problems.push(rich`no ${code(`## ${wanted}`)} section`);
    else if (meaningfulText(section.content) === '') problems.push(rich`the ${code(wanted)} section is empty`);
  }
  if (matches !== undefined && !linearRegex(matches).test(body)) problems.push(rich`nothing matches ${code(matches)}`);

  if (problems.length > 0) {
    const listed = joined(problems, '; ');
    return {
      outcome: 'fail',
      summary: rich`PR description: ${listed}`,
      fix: rich`Edit the PR description: ${listed}.`,
      blocker: `${check.id} missing`,
    };
  }
  const parts = [sections.length ? rich`sections ${sections.map((s) => `“${s}”`).join(', ')} filled in` : [], matches !== undefined ? rich`matches ${code(matches)}` : []];
  return { outcome: 'pass', summary: rich`PR description: ${joined(parts.filter((part) => part.length > 0), '; ')}` };
}

export const prBodyCheck: CheckKindModule<'pr_body'> = { sources: () => [], evaluate: evaluatePrBody };
