// Event payloads start from GitHub's own examples (@octokit/webhooks-examples),
// so fields the fake does not model keep realistic values; the fake's state
// then overwrites everything it knows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FakeGitHub } from '../../fake-github/index.ts';
import { renderRepo } from '../../fake-github/render/repo.ts';
import { renderUser } from '../../fake-github/render/user.ts';

type Json = Record<string, unknown>;
interface Definition {
  name: string;
  examples: Json[];
}

const require = createRequire(import.meta.url);
let definitions: Definition[] | undefined;

/** A deep copy of GitHub's example for `event` (and `action`, when examples have one). */
export function example(event: string, action?: string): Json {
  definitions ??= JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8')) as Definition[];
  const examples = definitions.find((d) => d.name === event)?.examples ?? [];
  const found = examples.find((e) => action === undefined || e.action === action) ?? examples[0];
  if (!found) throw new Error(`No webhook example for ${event}`);
  return structuredClone(found);
}

/** repository, organization (for organisation-owned repositories) and sender. */
export function envelope(fake: FakeGitHub, base: Json, repoName: string, sender: string): Json {
  const repo = fake.store.repo(repoName);
  const owner = fake.store.user(repo.owner);
  const out: Json = { ...base, repository: { ...(base.repository as Json), ...renderRepo(fake.render, repo) }, sender: renderUser(fake.render, sender) };
  // Workflow runs see no installation; organisation only when the owner is one.
  delete out.installation;
  delete out.enterprise;
  if (owner.type === 'Organization') {
    const url = `${fake.url}/orgs/${owner.login}`;
    out.organization = {
      login: owner.login,
      id: owner.id,
      node_id: owner.nodeId,
      url,
      repos_url: `${url}/repos`,
      events_url: `${url}/events`,
      hooks_url: `${url}/hooks`,
      issues_url: `${url}/issues`,
      members_url: `${url}/members{/member}`,
      public_members_url: `${url}/public_members{/member}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${owner.id}?v=4`,
      description: null,
    };
  } else {
    delete out.organization;
  }
  return out;
}

/** Webhook timestamps of statuses use an explicit offset: 2026-11-21T09:00:05+00:00. */
export function withOffset(iso: string): string {
  return iso.replace(/Z$/, '+00:00');
}
