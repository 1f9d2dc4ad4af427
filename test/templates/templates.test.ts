import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { figuresOf, figuresTable, templateFiles, TEMPLATES } from './template-figures.ts';

describe('templates', () => {
  it.each(templateFiles())('%s passes validate and starts with the schema line', async (file) => {
    const out: string[] = [];
    const code = await runCli(['validate', `${TEMPLATES}${file}`], { out: (t) => out.push(t), error: (t) => out.push(t), env: {}, cwd: process.cwd() });
    expect(code, out.join('\n')).toBe(0);
    // Relative: `init` writes the schema beside the policy (the project is not published).
    expect(readFileSync(`${TEMPLATES}${file}`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=readiness.schema.json');
  });

  it('the README shows the current figures', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(figuresTable(templateFiles().map(figuresOf)));
  });
});
