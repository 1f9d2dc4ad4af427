import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { renderComment } from '../../src/core/render/render-comment.ts';
import { comment, gateStatus, snapshot } from './builders.ts';

/** A 60-item checklist in 6 sections, like the seed checklists: labels stand in for any kind. */
function longPolicy(missing: (index: number) => boolean): string {
  const checks = Array.from({ length: 60 }, (_, index) => {
    const label = missing(index) ? 'never-set' : 'release';
    return `  - id: item-${index}\n    name: Checklist item ${index} with a name as long as the seeds' items are\n    section: "Phase ${Math.floor(index / 10) + 1}"\n    labels: { all: [${label}] }\n`;
  });
  return `version: 1\nsignoffs:\n  sre:\n    users: [carol]\nchecks:\n${checks.join('')}`;
}

describe('a long checklist', () => {
  it('groups items under their sections in order and collapses the sections that are done', async () => {
    const evaluation = evaluate(snapshot({ policy: longPolicy((index) => index === 13 || index === 47), pr: { labels: ['release'] } }));
    const body = renderComment(evaluation);
    expect(body.match(/<details><summary>✅ <b>Phase \d<\/b> — 10 of 10 done<\/summary>/g)).toHaveLength(4);
    expect(body).toContain('#### Phase 2 — 9 of 10 done');
    expect(body).toContain('#### Phase 5 — 9 of 10 done');
    expect(body.indexOf('Phase 1')).toBeLessThan(body.indexOf('Phase 2'));
    await expect(body).toMatchFileSnapshot('__snapshots__/sections.md');
  });

  it('stays under GitHub’s comment limit, cutting in stages', () => {
    const noisy = Array.from({ length: 3000 }, (_, index) => comment('mallory', `/signoff sre ${'x'.repeat(40)} ${index}`, `2026-11-21T09:${String(10 + (index % 50)).padStart(2, '0')}:00Z`));
    const evaluation = evaluate(snapshot({ policy: longPolicy((index) => index % 7 === 0), pr: { labels: ['release'] }, comments: noisy, statuses: [gateStatus()] }));
    const body = renderComment(evaluation);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith('<!-- release-readiness:living-comment -->')).toBe(true);
    // The rejected commands are what goes first; what is missing stays.
    expect(body).not.toContain('commands that did not count');
    expect(body).toContain('### What is missing');
  });
});
