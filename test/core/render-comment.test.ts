import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { renderComment } from '../../src/core/render/render-comment.ts';
import { checkRun, comment, FORBIDDEN, POLICY, review, snapshot } from './builders.ts';

describe('the living comment', () => {
  it('renders a blocked release', async () => {
    const evaluation = evaluate(
      snapshot({
        checkRuns: [checkRun('build'), checkRun('test (ubuntu)', 'completed', 'failure')],
        reviews: [review('alice', 'APPROVED')],
        comments: [comment('carol', '/signoff sre on-call paged'), comment('mallory', '/signoff security'), comment('alice', '> /signoff security')],
      }),
    );
    await expect(renderComment(evaluation)).toMatchFileSnapshot('__snapshots__/blocked.md');
  });

  it('renders a ready release', async () => {
    const evaluation = evaluate(
      snapshot({
        reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')],
        comments: [comment('alice', '/signoff security'), comment('carol', '/signoff sre')],
      }),
    );
    await expect(renderComment(evaluation)).toMatchFileSnapshot('__snapshots__/ready.md');
  });

  it('renders an invalid policy with file:line:col', async () => {
    const evaluation = evaluate(snapshot({ policy: POLICY.replace('ci: {}', 'ci: {}\n    reveiws: {}') }));
    await expect(renderComment(evaluation)).toMatchFileSnapshot('__snapshots__/invalid-policy.md');
  });

  it('renders unreadable evidence with the permission to add', async () => {
    const evaluation = evaluate(snapshot({ sources: { checkRuns: FORBIDDEN } }));
    const body = renderComment(evaluation);
    expect(body).toContain('Could not read check runs of aaaaaaa');
    expect(body).toContain('Add `checks: read`');
    await expect(body).toMatchFileSnapshot('__snapshots__/unreadable.md');
  });

  it('is the same text for the same evidence, whatever the clock', () => {
    const first = snapshot();
    const later = { ...first, evaluatedAt: '2026-12-01T00:00:00Z' };
    expect(renderComment(evaluate(later))).toBe(renderComment(evaluate(first)));
  });

  it('shows other people’s text as code, so it cannot ping or inject', () => {
    const evaluation = evaluate(snapshot({ comments: [comment('mallory', '/signoff security @everyone <img src=x> `x`')] }));
    const body = renderComment(evaluation);
    expect(body).toContain("`/signoff security @everyone <img src=x> 'x'`");
    expect(body.replace(/`[^`\n]*`/g, '')).not.toContain('@everyone');
  });
});

describe('names from GitHub are shown as code, escaped like people’s text', () => {
  it('a CI job’s name cannot end its code span and add a link', () => {
    const body = renderComment(evaluate(snapshot({ checkRuns: [checkRun('x` [click](https://evil.example) `', 'completed', 'failure')] })));
    expect(body.replace(/`[^`\n]*`/g, '')).not.toContain('](https://evil.example)');
  });
});

describe('commands shown in the ledger', () => {
  it('a command in a <details> block is listed without opening another <details>', () => {
    const body = renderComment(evaluate(snapshot({ comments: [comment('alice', '<details>\n\n/signoff security\n\n</details>')] })));
    expect(body).toContain('it is inside a collapsed `<details>` block');
    // Only the ledger's own: the reason names the element as code.
    expect(body.replace(/`[^`\n]*`/g, '').match(/<details>/g)).toHaveLength(1);
  });

  it('shows invisible and bidi characters instead of hiding them', () => {
    const evaluation = evaluate(snapshot({ comments: [comment('mallory', '/sign\u200Boff security'), comment('mallory', '/signoff security \u202Eevil')] }));
    const body = renderComment(evaluation);
    expect(body).toContain('`/sign<U+200B>off security`');
    expect(body).not.toMatch(/[\u200B\u202E]/);
  });
});
