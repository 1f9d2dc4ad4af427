import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { reminderMarker } from '../../src/core/markers/gate-comments.ts';
import { comment, POLICY, snapshot } from './builders.ts';

// The head was pushed at 09:00; the gate evaluates at 10:00 (see builders.ts).
const at = (time: string) => `2026-11-21T${time}Z`;
const waivers = (expires: string) => `waivers:\n  by: [security]\n  expires_after: ${expires}\n`;

interface Row {
  name: string;
  policy: string;
  comments?: ReturnType<typeof comment>[];
  expected: string | null;
}

const rows: Row[] = [
  { name: 'nothing timed: never', policy: POLICY, expected: null },
  { name: 'a waiver given at 09:45 for 30 minutes: when it expires', policy: `${POLICY}${waivers('30m')}`, comments: [comment('alice', '/waive ci flaky', at('09:45:00'))], expected: at('10:15:00') },
  { name: 'a waiver that expired already: nothing more to wait for', policy: `${POLICY}${waivers('30m')}`, comments: [comment('alice', '/waive ci flaky', at('09:00:00'))], expected: null },
  { name: 'sign-offs pending, reminders after 2 h: when the first falls due', policy: `${POLICY}remind_after: 2h\n`, expected: at('11:00:00') },
  { name: 'a reminder due already: now, until it is posted', policy: `${POLICY}remind_after: 30m\n`, expected: at('10:00:00') },
  {
    name: 'a reminder posted at 09:45: the next one, 30 minutes later',
    policy: `${POLICY}remind_after: 30m\n`,
    comments: [comment('github-actions[bot]', `${reminderMarker(['security', 'sre'])}\n⏰`, at('09:45:00'))],
    expected: at('10:15:00'),
  },
  {
    name: 'both: the earlier',
    policy: `${POLICY}remind_after: 2h\n${waivers('30m')}`,
    comments: [comment('alice', '/waive ci flaky', at('09:45:00'))],
    expected: at('10:15:00'),
  },
];

describe('reconsiderAt: when the same evidence would next be judged differently', () => {
  it.each(rows)('$name', ({ policy, comments, expected }) => {
    expect(evaluate(snapshot({ policy, comments: comments ?? [] })).reconsiderAt).toBe(expected);
  });
});
