// Small helpers for `npm run bench`: statistics, plain-text tables and the
// PASS/MISS verdicts that the summary line counts.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (value: number, digits = 1): string => `${value.toFixed(digits)} ms`;
export const count = (value: number): string => value.toLocaleString('en-US');

/** A column is right-aligned when every cell of it (but the header) looks like a number or a duration. */
const numeric = /^[-+]?[\d,.]+( ?(ms|s|%|B|KiB|MB|MiB|×))?$/;

export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const right = header.map((_, i) => rows.length > 0 && rows.every((row) => numeric.test(row[i] ?? '') || (row[i] ?? '') === '—'));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const note of notes) console.log(`  ${note}`);
}

export interface Verdict {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

/** Every target the bench checks, in order, for the closing summary. */
export const verdicts: Verdict[] = [];

export function judge(name: string, target: string, measured: string, pass: boolean): string {
  verdicts.push({ name, target, measured, pass });
  return pass ? 'PASS' : 'MISS';
}
