// The living comment of each template's release PR at three moments: just opened, half-way,
// ready. Pure: evidence built from the template, evaluated and rendered without a server.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import type { ReadinessConfig } from '../../src/core/config/schema.ts';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { MAX_DESCRIPTION } from '../../src/core/evaluation/gate-state.ts';
import { renderComment } from '../../src/core/render/render-comment.ts';
import { MOMENTS, momentSnapshot, type Moment } from './release-moments.ts';
import { templateFiles, TEMPLATES } from './template-figures.ts';

function template(file: string): { text: string; config: ReadinessConfig } {
  const text = readFileSync(`${TEMPLATES}${file}`, 'utf8');
  const parsed = parseConfig(text);
  if (!parsed.ok) throw new Error(`${file} is invalid: ${JSON.stringify(parsed.errors[0])}`);
  return { text, config: parsed.config };
}

function render(file: string, moment: Moment) {
  const { text, config } = template(file);
  const evaluation = evaluate(momentSnapshot(config, text, moment));
  return { config, evaluation, body: renderComment(evaluation) };
}

/** The markdown sections of a comment, each from its `##`/`###` heading to the next. */
function sections(body: string): { heading: string; text: string }[] {
  return body
    .split(/^(?=#{2,3} )/m)
    .filter((part) => part.startsWith('#'))
    .map((text) => ({ heading: text.slice(0, text.indexOf('\n')), text }));
}

/** The comment as it reads before anything is expanded: every `<details>` shows its summary only. */
const folded = (body: string) => body.replace(/<details><summary>(.*?)<\/summary>[\s\S]*?<\/details>/g, '$1');

describe.each(templateFiles())('the comment of a %s release', (file) => {
  const name = file.slice(0, -'.yml'.length);

  it.each(MOMENTS)('%s', async (moment) => {
    const { config, evaluation, body } = render(file, moment);
    await expect(body).toMatchFileSnapshot(`__snapshots__/template-comments/${name}-${moment}.md`);

    const [state, next] = sections(body);
    expect(state?.heading).toMatch(/^## /);
    if (moment === 'ready') {
      expect(evaluation.state).toBe('success');
      expect(body).not.toContain('### What is missing');
      return;
    }
    expect(evaluation.state).not.toBe('success');
    // Who must act, right after the state line: before the checklist and everything else.
    expect(next?.heading).toBe('### What is missing');
    const missing = next!.text;
    for (const role of evaluation.roles.filter((item) => item.outcome === 'pending')) {
      expect(missing).toContain(`\`/signoff ${role.role}\` by `);
    }
    // A pattern is evidence, never the fix.
    for (const check of config.checks) {
      if (check.pr_body?.matches) expect(missing).not.toContain(check.pr_body.matches);
    }
    // What several checks need alike is said once: no line of it twice.
    const lines = missing.split('\n').filter((line) => line.startsWith('- '));
    expect(new Set(lines).size).toBe(lines.length);
    // Each link once: a CI job linked under "What is missing" is only named in the checklist.
    const links = [...body.matchAll(/\]\((https:\/\/github\.com\/acme\/rocket\/runs\/\d+)\)/g)].map((match) => match[1]);
    expect(new Set(links).size).toBe(links.length);
    expect(evaluation.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });
});

describe('the opened chatbot-gateway-k8s comment', () => {
  const { body } = render('chatbot-gateway-k8s.yml', 'opened');

  it('says what is missing first, and keeps the rest one click away', () => {
    // Before, it was 15,925 characters, 12,988 of them open, and "What is missing" came at line 180.
    expect(body.length).toBeLessThan(15_000);
    expect(folded(body).length).toBeLessThan(9_000);
    expect(body.split('\n').findIndex((line) => line === '### What is missing')).toBeLessThan(10);
  });

  it('lists one line per sign-off role, not one row per item it attests', () => {
    expect(body.match(/Waiting for `\/signoff /g)).toBeNull();
    expect(body.match(/^- ⏳ `\/signoff /gm)).toHaveLength(4);
  });

  it('says once what many items need alike', () => {
    const missing = sections(body).find((section) => section.heading === '### What is missing')!.text;
    expect(missing.match(/Wait for CI to finish/g)).toHaveLength(1);
    expect(missing.match(/PR description sections to fill in/g)).toHaveLength(1);
  });

  it('folds the items that do not apply into one line per section', () => {
    const checklist = sections(body).find((section) => section.heading === '### Checks')!.text;
    expect(folded(checklist)).not.toMatch(/Does not apply: /);
    expect(body.match(/^<details><summary>➖ \d+ items? do(es)? not apply<\/summary>$/gm)?.length).toBeGreaterThan(0);
  });
});
