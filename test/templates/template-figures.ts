// How each template checks its checklist: automatically, by a sign-off, or not at all
// (items listed under "# Outside a PR gate:" with the reason).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/core/config/parse-config.ts';

export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateFigures {
  name: string;
  automatic: number;
  signedOff: number;
  leftOut: number;
  total: number;
}

export function templateFiles(): string[] {
  return readdirSync(TEMPLATES)
    .filter((file) => file.endsWith('.yml'))
    .sort();
}

export function figuresOf(file: string): TemplateFigures {
  const text = readFileSync(`${TEMPLATES}${file}`, 'utf8');
  const parsed = parseConfig(text);
  if (!parsed.ok) throw new Error(`${file} is invalid: ${JSON.stringify(parsed.errors[0])}`);
  const signedOff = parsed.config.checks.filter((check) => check.signoff !== undefined).length;
  const automatic = parsed.config.checks.length - signedOff;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === '# Outside a PR gate:');
  const leftOut = start < 0 ? 0 : lines.slice(start + 1).filter((line) => /^# - ".+"/.test(line)).length;
  return { name: file.slice(0, -4), automatic, signedOff, leftOut, total: automatic + signedOff + leftOut };
}

export function figuresTable(figures: TemplateFigures[]): string {
  const rows = figures.map((f) => `| \`${f.name}\` | ${f.automatic} | ${f.signedOff} | ${f.leftOut} | ${f.total} |`);
  return ['| template | automatic | signed off | outside a PR gate | items |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
