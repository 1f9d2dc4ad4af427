// Identifiers that look like GitHub's: 40-hex SHAs, git blob SHAs, node ids and
// per-kind numeric ids in distinct ranges (so a comment id is never a PR id).
import { createHash } from 'node:crypto';

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The real git blob id, so `sha` in contents and files answers is what git computes. */
export function gitBlobSha(content: string): string {
  return sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
}

/** Node ids in the current GitHub style: a type prefix and an opaque payload. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

const bases = {
  repo: 800_000_000,
  pull: 2_100_000_000,
  comment: 2_400_000_000,
  review: 2_600_000_000,
  reaction: 300_000_000,
  status: 30_000_000_000,
  checkRun: 40_000_000_000,
  checkSuite: 20_000_000_000,
  activity: 42_000_000_000,
  workflowRun: 19_000_000_000,
  deployment: 2_900_000_000,
  deploymentStatus: 25_000_000_000,
  label: 7_000_000_000,
  user: 150_000_000,
  team: 10_000_000,
  app: 900_000,
  installation: 60_000_000,
  hook: 480_000_000,
} as const;

export type IdKind = keyof typeof bases;

export class IdSequence {
  #next = new Map<IdKind, number>();

  next(kind: IdKind): number {
    const n = (this.#next.get(kind) ?? 0) + 1;
    this.#next.set(kind, n);
    return bases[kind] + n;
  }
}
