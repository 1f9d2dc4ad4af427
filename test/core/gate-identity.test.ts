import { describe, expect, it } from 'vitest';
import { detectForgery } from '../../src/core/evaluation/forgery.ts';
import { evaluationTag } from '../../src/core/markers/evaluation-tag.ts';
import type { CommentFact, GateIdentity, StatusFact } from '../../src/core/evidence/snapshot.ts';
import { COMMENT_MARKER, isGateComment, isLivingComment, reminderMarker } from '../../src/core/markers/gate-comments.ts';
import { createParseMemo } from '../../src/core/evaluation/parse-memo.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';
import { commandAttempts } from '../../src/core/signoffs/command-attempts.ts';
import { APP_GATE, comment, HEAD, SHARED_GATE, status } from './builders.ts';

const by = (login: string, extra: Partial<StatusFact> = {}) => status('release-readiness', 'success', { creator: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }, ...extra });

describe('the gate knows itself from its token, never from a marker', () => {
  it.each<[string, CommentFact, GateIdentity, boolean]>([
    ['its marker, written by its own login', comment('github-actions[bot]', COMMENT_MARKER), SHARED_GATE, true],
    ['its marker, written by another bot', comment('impostor[bot]', COMMENT_MARKER), SHARED_GATE, false],
    ['its marker, written by a person', comment('mallory', COMMENT_MARKER), SHARED_GATE, false],
    ['its marker as github-actions[bot], while the gate runs as an App', comment('github-actions[bot]', COMMENT_MARKER), APP_GATE, false],
    ['its marker as the App', comment('release-gate[bot]', COMMENT_MARKER), APP_GATE, true],
    ['its own comment without the marker', comment('github-actions[bot]', 'hello'), SHARED_GATE, false],
  ])('living comment: %s → %s', (_name, given, identity, expected) => {
    expect(isLivingComment(given, identity)).toBe(expected);
    expect(isGateComment(given, identity)).toBe(expected);
  });

  it('a reminder is the gate’s only when its own login wrote it', () => {
    expect(isGateComment(comment('github-actions[bot]', reminderMarker(['sre'])), SHARED_GATE)).toBe(true);
    expect(isGateComment(comment('impostor[bot]', reminderMarker(['sre'])), SHARED_GATE)).toBe(false);
  });
});

describe('forgery of the gate’s status', () => {
  const living = comment('github-actions[bot]', `${COMMENT_MARKER}\n${evaluationTag({ sha: HEAD, state: 'pending', description: 'Waiting' })}`, '2026-11-21T09:30:00Z');
  it.each<{ name: string; statuses: StatusFact[]; identity: GateIdentity; forged: string | null }>([
    { name: 'no status at all', statuses: [], identity: SHARED_GATE, forged: null },
    { name: 'the latest written by another account', statuses: [by('mallory')], identity: SHARED_GATE, forged: 'mallory' },
    { name: 'the latest written by another App', statuses: [by('other-app[bot]')], identity: SHARED_GATE, forged: 'other-app[bot]' },
    {
      name: 'GITHUB_TOKEN: its login, saying what the gate published',
      statuses: [by('github-actions[bot]', { state: 'pending', description: 'Waiting', createdAt: '2026-11-21T09:31:00Z' })],
      identity: SHARED_GATE,
      forged: null,
    },
    {
      name: 'GITHUB_TOKEN: its login, saying something else after the gate published (another workflow)',
      statuses: [by('github-actions[bot]', { state: 'success', description: 'Ready', createdAt: '2026-11-21T09:31:00Z' })],
      identity: SHARED_GATE,
      forged: 'github-actions[bot]',
    },
    { name: 'App: its own login is only ever the gate', statuses: [by('release-gate[bot]', { state: 'success', createdAt: '2026-11-21T09:31:00Z' })], identity: APP_GATE, forged: null },
    { name: 'App: github-actions[bot] writing the gate’s context is a forgery', statuses: [by('github-actions[bot]')], identity: APP_GATE, forged: 'github-actions[bot]' },
  ])('$name', ({ statuses, identity, forged }) => {
    expect(detectForgery(statuses, 'release-readiness', HEAD, identity, living)?.by ?? null).toBe(forged);
  });
});

describe('commands from comments', () => {
  it('a sign-off posted through a GitHub App on a person’s behalf does not count; a withdrawal does', () => {
    const attempts = commandAttempts(
      [comment('alice', '/signoff security', undefined, { viaApp: 'slack-bridge' }), comment('alice', '/signoff cancel security', '2026-11-21T09:40:00Z', { viaApp: 'slack-bridge' })],
      SHARED_GATE,
      createParseMemo().commands,
    );
    expect(attempts.map((attempt) => (attempt.rejected ? toMarkdown(attempt.rejected) : null))).toEqual(['it was posted through the GitHub App `slack-bridge`, not typed by alice', null]);
  });

  it('a bot that copies the gate’s marker is still read, and refused as a bot', () => {
    const attempts = commandAttempts([comment('impostor[bot]', `${COMMENT_MARKER}\n/signoff security`)], SHARED_GATE, createParseMemo().commands);
    expect(attempts.map((attempt) => attempt.rejected && toMarkdown(attempt.rejected))).toEqual(['it comes from a bot']);
  });
});
