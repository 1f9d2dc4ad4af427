import type { CheckConfig } from '../config/schema.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';

const quoted = (labels: string[]) => labels.map((label) => `\`${label}\``).join(', ');

function evaluateLabels(check: CheckConfig, context: CheckContext): CheckVerdict {
  const { all = [], none = [] } = check.labels!;
  const labels = context.snapshot.pullRequest.labels;
  const missing = all.filter((label) => !labels.includes(label));
  const forbidden = none.filter((label) => labels.includes(label));
  const problems = [missing.length ? `missing ${quoted(missing)}` : '', forbidden.length ? `has ${quoted(forbidden)}` : ''].filter(Boolean);
  if (problems.length > 0) {
    const actions = [missing.length ? `add ${quoted(missing)}` : '', forbidden.length ? `remove ${quoted(forbidden)}` : ''].filter(Boolean);
    return { outcome: 'fail', summary: `Labels: ${problems.join('; ')}`, fix: `${actions.join(' and ').replace(/^./, (c) => c.toUpperCase())} on the PR.`, blocker: `${check.id} labels` };
  }
  const held = [all.length ? `has ${quoted(all)}` : '', none.length ? `none of ${quoted(none)}` : ''].filter(Boolean);
  return { outcome: 'pass', summary: `Labels: ${held.join('; ')}` };
}

export const labelsCheck: CheckKindModule = { sources: () => [], evaluate: evaluateLabels };
