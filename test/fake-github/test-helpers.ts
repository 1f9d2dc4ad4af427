// Real HTTP calls against a fake, for the fake's own tests.
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

export async function call(fake: FakeGitHub, method: string, path: string, options: { body?: unknown; token?: string | null; accept?: string; signal?: AbortSignal } = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/vnd.github+json' };
  if (options.token !== null) headers.authorization = `token ${options.token ?? 'ghs_gate'}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  const res = await fetch(fake.url + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

/** A repository with a release pull request #1 (feature → main), as most tests need. */
export function seedRepo(fake: FakeGitHub): { repo: string; number: number; head: string } {
  const repo = 'acme/rocket';
  fake.createRepo(repo, { files: { '.github/readiness.yml': 'checks:\n  - build\n', 'src/app.ts': 'export const a = 1;\n' } });
  fake.commit(repo, 'release/1.2', { 'src/app.ts': 'export const a = 2;\n', 'CHANGELOG.md': '# 1.2\n' });
  const number = fake.openPullRequest(repo, { base: 'main', head: 'release/1.2', title: 'Release 1.2', body: 'Ships 1.2', author: 'alice', labels: ['release'] });
  return { repo, number, head: fake.headSha(repo, number) };
}

export interface SeededFake {
  fake: FakeGitHub;
  number: number;
  head: string;
}

/**
 * A fresh fake with seedRepo() before each test, checked for requests GitHub would reject and
 * closed after it; `receive` hands the test its fake, PR number and head.
 */
export function useSeededFake(receive: (seeded: SeededFake) => void): void {
  let current: FakeGitHub | undefined;
  beforeEach(async () => {
    current = await createFakeGitHub();
    receive({ fake: current, ...seedRepo(current) });
  });
  afterEach(async () => {
    expectNoViolations(current!);
    await current!.close();
  });
}

// Octokit logs every 4xx; the tests provoke some on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** An Octokit client on the fake, as the action builds one (paginate, error mapping). */
export function octokitFor(fake: FakeGitHub, token = 'ghs_gate'): Octokit {
  return new Octokit({ auth: token, baseUrl: fake.url, log: quiet });
}

/** The URL of a Link header's relation, or undefined. */
export function linkTo(res: ApiResponse, rel: string): string | undefined {
  return new RegExp(`<([^>]+)>; rel="${rel}"`).exec(res.headers.get('link') ?? '')?.[1];
}
