import type { CheckConfig } from '../config/schema.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';
import { linearRegex } from '../config/linear-regex.ts';
import { bodySections, meaningfulText, normaliseTitle } from './pr-body-sections.ts';

function evaluatePrBody(check: CheckConfig, context: CheckContext): CheckVerdict {
  const { sections = [], matches } = check.pr_body!;
  const body = context.snapshot.pullRequest.body;
  const found = bodySections(body);
  const problems: string[] = [];
  for (const wanted of sections) {
    const section = found.find((item) => normaliseTitle(item.title) === normaliseTitle(wanted));
    if (!section) problems.push(`no \`## ${wanted}\` section`);
    else if (meaningfulText(section.content) === '') problems.push(`the \`${wanted}\` section is empty`);
  }
  if (matches !== undefined && !linearRegex(matches).test(body)) problems.push(`nothing matches \`${matches}\``);

  if (problems.length > 0) {
    return {
      outcome: 'fail',
      summary: `PR description: ${problems.join('; ')}`,
      fix: `Edit the PR description: ${problems.join('; ')}.`,
      blocker: `${check.id} missing`,
    };
  }
  const parts = [sections.length ? `sections ${sections.map((s) => `“${s}”`).join(', ')} filled in` : '', matches !== undefined ? `matches \`${matches}\`` : ''];
  return { outcome: 'pass', summary: `PR description: ${parts.filter(Boolean).join('; ')}` };
}

export const prBodyCheck: CheckKindModule = { sources: () => [], evaluate: evaluatePrBody };
