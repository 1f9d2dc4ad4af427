// The cast of actors every fake starts with. Ids of the real bots are GitHub's
// own, because actions commonly recognise them by id (41898282 is
// github-actions[bot]).
import { nodeId } from '../ids.ts';
import type { AuthorAssociation, AppRecord, UserRecord, UserType } from './model.ts';

export const gateLogin = 'github-actions[bot]';
export const mergeQueueLogin = 'github-merge-queue[bot]';

interface Seed {
  login: string;
  id: number;
  type: UserType;
  association: AuthorAssociation;
  nodeId?: string;
}

// alice..dave are organisation members, erin an outside collaborator, mallory a
// stranger (e.g. the author of a pull request from a fork).
const seeds: Seed[] = [
  { login: 'alice', id: 1_000_001, type: 'User', association: 'MEMBER' },
  { login: 'bob', id: 1_000_002, type: 'User', association: 'MEMBER' },
  { login: 'carol', id: 1_000_003, type: 'User', association: 'MEMBER' },
  { login: 'dave', id: 1_000_004, type: 'User', association: 'MEMBER' },
  { login: 'erin', id: 1_000_005, type: 'User', association: 'COLLABORATOR' },
  { login: 'mallory', id: 1_000_666, type: 'User', association: 'NONE' },
  { login: 'dependabot[bot]', id: 49_699_333, type: 'Bot', association: 'NONE', nodeId: 'MDM6Qm90NDk2OTkzMzM=' },
  { login: gateLogin, id: 41_898_282, type: 'Bot', association: 'NONE', nodeId: 'MDM6Qm90NDE4OTgyODI=' },
  // Creates a merge queue's gh-readonly-queue/* branches and sends merge_group events.
  { login: mergeQueueLogin, id: 118_344_674, type: 'Bot', association: 'NONE', nodeId: 'BOT_kgDOBw3L4g' },
  { login: 'github', id: 9_919, type: 'Organization', association: 'NONE', nodeId: 'MDEyOk9yZ2FuaXphdGlvbjk5MTk=' },
  // The committer of commits made on github.com.
  { login: 'web-flow', id: 19_864_447, type: 'User', association: 'NONE', nodeId: 'MDQ6VXNlcjE5ODY0NDQ3' },
];

const prefixes: Record<UserType, string> = { User: 'U', Bot: 'BOT', Organization: 'O' };

export function makeUser(login: string, id: number, type: UserType, association: AuthorAssociation = 'NONE'): UserRecord {
  return { login, id, type, association, nodeId: nodeId(prefixes[type], id) };
}

export function defaultUsers(): UserRecord[] {
  return seeds.map((s) => ({ ...makeUser(s.login, s.id, s.type, s.association), ...(s.nodeId ? { nodeId: s.nodeId } : {}) }));
}

/** Apps that own check runs. `github-actions` is GitHub's real app (id 15368). */
export function defaultApps(): AppRecord[] {
  return [
    { id: 15_368, slug: 'github-actions', name: 'GitHub Actions', nodeId: 'MDM6QXBwMTUzNjg=', owner: 'github' },
  ];
}
