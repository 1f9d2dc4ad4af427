import { markdownTable } from 'markdown-table';
import type { CheckResult } from '../model/check-result.ts';
import type { Outcome } from '../model/outcomes.ts';
import { OUTCOME_GLYPH } from './glyphs.ts';
import { cell } from './markdown.ts';
import { toMarkdown } from './rich-markdown.ts';

/** How much of a long checklist to show: everything, or only what still needs someone. */
export type Detail = 'full' | 'compact';

const DONE = new Set<Outcome>(['pass', 'skipped', 'waived']);

interface Group {
  title: string | null;
  checks: CheckResult[];
}

/** Consecutive checks of the same section, in the policy's order. */
function groups(checks: readonly CheckResult[]): Group[] {
  const result: Group[] = [];
  for (const check of checks) {
    const last = result[result.length - 1];
    if (last && last.title === (check.section ?? null)) last.checks.push(check);
    else result.push({ title: check.section ?? null, checks: [check] });
  }
  return result;
}

function table(checks: readonly CheckResult[]): string {
  const rows = checks.map((check) => [OUTCOME_GLYPH[check.outcome], cell(check.required ? check.name : `${check.name} _(advisory)_`), cell(toMarkdown(check.summary))]);
  return markdownTable([['', 'Check', 'Evidence'], ...rows], { alignDelimiters: false });
}

function renderGroup(group: Group, detail: Detail): string {
  const title = group.title ?? 'Other checks';
  const done = group.checks.every((check) => DONE.has(check.outcome));
  const count = `${group.checks.filter((check) => DONE.has(check.outcome)).length} of ${group.checks.length} done`;
  if (done) {
    // What passed stays one click away: a long checklist must show what is missing first.
    return detail === 'full' ? `<details><summary>✅ <b>${cell(title)}</b> — ${count}</summary>\n\n${table(group.checks)}\n\n</details>` : `✅ **${title}** — ${count}`;
  }
  const shown = detail === 'full' ? group.checks : group.checks.filter((check) => !DONE.has(check.outcome));
  const hidden = group.checks.length - shown.length;
  return `#### ${title} — ${count}\n${table(shown)}${hidden ? `\n\n_and ${hidden} done_` : ''}`;
}

export function checksSection(checks: readonly CheckResult[], detail: Detail): string[] {
  if (checks.length === 0) return [];
  if (checks.every((check) => check.section === undefined)) return [`### Checks\n${table(checks)}`];
  return [`### Checks\n\n${groups(checks).map((group) => renderGroup(group, detail)).join('\n\n')}`];
}
