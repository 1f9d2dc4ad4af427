import { markdownTable } from 'markdown-table';
import type { CheckResult } from '../model/check-result.ts';
import type { Outcome } from '../model/outcomes.ts';
import { plural } from '../model/phrases.ts';
import type { RichText } from '../model/rich-text.ts';
import { OUTCOME_GLYPH } from './glyphs.ts';
import { cell, html } from './markdown.ts';
import { toMarkdown, unlinked } from './rich-markdown.ts';

/** How much of a long checklist to show: everything, or only what still needs someone. */
export type Detail = 'full' | 'compact';

/**
 * How a line that stands for several items shows them: in a `<details>`, listed openly below
 * it (inside a section that is itself collapsed), or not at all (compact).
 */
type Fold = 'details' | 'open' | 'none';

const DONE = new Set<Outcome>(['pass', 'waived']);

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

function table(checks: readonly CheckResult[], linked: ReadonlySet<string>): string {
  const rows = checks.map((check) => [OUTCOME_GLYPH[check.outcome], cell(check.required ? check.name : `${check.name} _(advisory)_`), cell(unlinked(check.summary, linked))]);
  return markdownTable([['', 'Check', 'Evidence'], ...rows], { alignDelimiters: false });
}

/** A sign-off item that is signed or waits for its sign-off: one line per section says it for all of them. */
function attestation(check: CheckResult): 'signed' | 'waiting' | null {
  if (check.role === undefined) return null;
  return check.outcome === 'pass' ? 'signed' : check.outcome === 'pending' ? 'waiting' : null;
}

/** Why an item does not apply, without the "Does not apply:" its evidence starts with. */
function reason(check: CheckResult): RichText {
  const [first, ...rest] = check.summary;
  const prefix = 'Does not apply: ';
  return first?.kind === 'text' && first.text.startsWith(prefix) ? [{ kind: 'text', text: first.text.slice(prefix.length) }, ...rest] : check.summary;
}

/** Items grouped by what they share, one line per group: "reason: item; item". */
function byShared(checks: readonly CheckResult[], shared: (check: CheckResult) => string): string {
  const lines = new Map<string, string[]>();
  for (const check of checks) {
    const key = shared(check);
    lines.set(key, [...(lines.get(key) ?? []), cell(check.name)]);
  }
  return [...lines].map(([key, names]) => `- ${key}: ${names.join('; ')}`).join('\n');
}

/** `summary` is HTML-safe text: it may stand inside a `<summary>`. */
function folded(summary: string, body: string, fold: Fold): string {
  if (fold === 'details') return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
  return fold === 'open' ? `${summary}\n\n${body}` : summary;
}

/** Sign-off items in one line per state: the role's command, or who signed, says it for all of them. */
function attestationLines(checks: readonly CheckResult[], fold: Fold): string[] {
  const line = (items: CheckResult[], glyph: string, words: string, shared: (check: CheckResult) => string): string[] => {
    if (items.length === 0) return [];
    const roles = [...new Set(items.map((check) => check.role!))].join(', ');
    return [folded(`${glyph} ${html(`${words}: ${roles}`)}`, byShared(items, shared), fold)];
  };
  const waiting = checks.filter((check) => attestation(check) === 'waiting');
  const signed = checks.filter((check) => attestation(check) === 'signed');
  return [
    ...line(waiting, OUTCOME_GLYPH.pending, `${plural(waiting.length, 'item')} ${waiting.length === 1 ? 'waits' : 'wait'} for a sign-off`, (check) => `\`/signoff ${check.role!}\``),
    ...line(signed, OUTCOME_GLYPH.pass, `${plural(signed.length, 'item')} signed off`, (check) => cell(toMarkdown(check.summary))),
  ];
}

/** Items that do not apply in one line, the reasons one click away. */
function skippedLine(checks: readonly CheckResult[], fold: Fold): string[] {
  if (checks.length === 0) return [];
  const summary = `${OUTCOME_GLYPH.skipped} ${html(`${plural(checks.length, 'item')} ${checks.length === 1 ? 'does' : 'do'} not apply`)}`;
  return [folded(summary, byShared(checks, (check) => cell(toMarkdown(reason(check)))), fold)];
}

/**
 * One section of a long checklist: a table of what is left to do, then one line each for the
 * items that pass, the items a sign-off attests and those that do not apply. A section with
 * nothing left to do is collapsed whole.
 */
function renderSection(title: string, checks: readonly CheckResult[], detail: Detail, linked: ReadonlySet<string>): string {
  const skipped = checks.filter((check) => check.outcome === 'skipped');
  const applicable = checks.filter((check) => check.outcome !== 'skipped');
  const done = applicable.filter((check) => DONE.has(check.outcome)).length;
  const own = applicable.filter((check) => attestation(check) === null);
  const count = applicable.length === 0 ? 'does not apply' : `${done} of ${applicable.length} done`;
  if (done === applicable.length) {
    // Nothing left to do: one click away, so that what is missing comes first. Inside it, the
    // lines are open: a <details> in a <details> would hide them twice.
    const glyph = applicable.length === 0 ? OUTCOME_GLYPH.skipped : OUTCOME_GLYPH.pass;
    const inside = [...(own.length > 0 ? [table(own, linked)] : []), ...attestationLines(applicable, 'open'), ...(applicable.length === 0 ? [byShared(skipped, (check) => cell(toMarkdown(reason(check))))] : skippedLine(skipped, 'open'))];
    return folded(`${glyph} <b>${html(title)}</b> — ${count}`, inside.join('\n\n'), detail === 'full' ? 'details' : 'none');
  }
  // What is left to do in the open; what passed one click away, with its evidence.
  const fold = detail === 'full' ? 'details' : 'none';
  const open = own.filter((check) => check.outcome !== 'pass');
  const passed = own.filter((check) => check.outcome === 'pass');
  const passedLine = passed.length > 0 ? [folded(`${OUTCOME_GLYPH.pass} ${html(`${plural(passed.length, 'item')} ${passed.length === 1 ? 'passes' : 'pass'}`)}`, table(passed, linked), fold)] : [];
  const parts = [...(open.length > 0 ? [table(open, linked)] : []), ...passedLine, ...attestationLines(applicable, fold), ...skippedLine(skipped, fold)];
  return [`#### ${title} — ${count}`, ...parts].join('\n\n');
}

/**
 * The checklist: one table for a short policy without sections; a long one section by section,
 * in the policy's order. Addresses in `linked` are linked above it and only named here.
 */
export function checksSection(checks: readonly CheckResult[], detail: Detail, linked: ReadonlySet<string> = new Set()): string[] {
  if (checks.length === 0) return [];
  if (checks.every((check) => check.section === undefined)) {
    const rows = detail === 'full' ? checks : checks.filter((check) => !DONE.has(check.outcome) && check.outcome !== 'skipped');
    return [`### Checks\n${table(rows, linked)}`];
  }
  return [`### Checks\n\n${groups(checks).map((group) => renderSection(group.title ?? 'Other checks', group.checks, detail, linked)).join('\n\n')}`];
}
