import { describe, expect, it } from 'vitest';
import { decideMergeGroup, type GroupCheck, type GroupMember } from '../../src/core/evaluation/merge-group.ts';
import { link, rich } from '../../src/core/model/rich-text.ts';

const ready = (number: number): GroupMember => ({ number, applies: true, state: 'success', description: 'Ready' });
const blocked = (number: number, state: 'pending' | 'failure' | 'error' = 'pending'): GroupMember => ({ number, applies: true, state, description: 'Blocked: ci pending' });
const notRelease = (number: number): GroupMember => ({ number, applies: false, state: 'success', description: 'Not a release pull request' });

describe('the status of a merge group', () => {
  it.each<[string, GroupMember[], GroupCheck[], boolean, unknown]>([
    ['every release PR ready', [ready(1), ready(2)], [], false, { state: 'success', description: 'Ready: #1, #2 in this merge group' }],
    ['one still pending', [ready(1), blocked(2)], [], false, { state: 'pending', description: 'Blocked: #2: Blocked: ci pending' }],
    ['the worst state wins', [blocked(1), blocked(2, 'failure')], [], false, { state: 'failure', description: 'Blocked: #1: Blocked: ci pending; #2: Blocked: ci pending' }],
    ['an error is never hidden', [ready(1), blocked(2, 'error')], [], false, { state: 'error', description: 'Cannot evaluate: #2: Blocked: ci pending' }],
    ['a refused PR (moved since it was queued)', [ready(1), { number: 2, refused: 'was queued at abc1234, but its head is now def5678' }], [], false, { state: 'failure', description: 'Blocked: #2 was queued at abc1234, but its head is now def5678' }],
    ['a PR the gate does not apply to is not judged', [ready(1), notRelease(2)], [], false, { state: 'success', description: 'Ready: #1 in this merge group' }],
    ['the group’s CI failing', [ready(1)], [{ name: 'CI', outcome: 'fail', summary: rich`1 failing` }], false, { state: 'failure', description: 'Blocked: group CI (CI): 1 failing' }],
    ['the group’s CI still running', [ready(1)], [{ name: 'CI', outcome: 'pending', summary: rich`Waiting for build` }], false, { state: 'pending', description: 'Blocked: group CI (CI): Waiting for build' }],
    ['no release PR, non_release_status: none', [notRelease(1)], [], false, null],
    ['no release PR, non_release_status: success', [notRelease(1)], [], true, { state: 'success', description: 'No release pull request in this merge group: the readiness gate does not apply' }],
    ['an empty group never passes by accident', [], [{ name: 'CI', outcome: 'unknown', summary: rich`Could not read` }], true, { state: 'error', description: 'Cannot evaluate: group CI (CI): Could not read' }],
  ])('%s', (_name, members, ci, nonReleaseSuccess, expected) => {
    expect(decideMergeGroup(members, ci, nonReleaseSuccess)).toEqual(expected);
  });

  it('says what blocks in plain text: GitHub shows a status description as it is, markdown and all', () => {
    const failing: GroupCheck = { name: 'CI', outcome: 'fail', summary: rich`1 failing: ${link('build', 'https://github.com/acme/rocket/runs/1', { code: true })}` };
    expect(decideMergeGroup([ready(1)], [failing], false)).toEqual({ state: 'failure', description: 'Blocked: group CI (CI): 1 failing: build (https://github.com/acme/rocket/runs/1)' });
  });
});
