// A bad readiness.yml, through the bundled action as a runner runs it: an `error` status whose
// description names file:line:col, the same line in the living comment, and an annotation on
// the file, line and column (`::error …file=,line=,col=::`), and a failed job. Never a crash.
import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../fake-github/faults.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const PATH = '.github/readiness.yml';
const CONTENTS = /\/repos\/acme\/rocket\/contents\/\.github(\/|%2F)readiness\.yml$/;

const bomb = 'version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
const twentyThousandChecks = `version: 1\nchecks:\n${Array.from({ length: 20_000 }, (_, i) => `  - id: check-${i}\n    name: Check ${i} of a checklist far longer than any release needs\n    ci: {}\n`).join('')}`;
const notUtf8 = new Uint8Array([...new TextEncoder().encode('version: 1\nchecks:\n  - id: ci\n    name: CI '), 0xff, 0xfe, ...new TextEncoder().encode('\n    ci: {}\n')]);

/** The contents API's answer for the policy, as GitHub gives it: base64, or for a file over 1 MB no content at all. */
function policyAnswer(bytes: Uint8Array, options: { size?: number; encoding?: 'base64' | 'none' } = {}): FaultRule {
  const encoding = options.encoding ?? 'base64';
  const url = `https://api.github.com/repos/${REPO}/contents/${PATH}?ref=main`;
  const body = {
    type: 'file',
    encoding,
    size: options.size ?? bytes.length,
    name: 'readiness.yml',
    path: PATH,
    content: encoding === 'base64' ? Buffer.from(bytes).toString('base64') : '',
    sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
    url,
    git_url: `https://api.github.com/repos/${REPO}/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1`,
    html_url: `https://github.com/${REPO}/blob/main/${PATH}`,
    download_url: `https://raw.githubusercontent.com/${REPO}/main/${PATH}`,
    _links: { self: url, git: `https://api.github.com/repos/${REPO}/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1`, html: `https://github.com/${REPO}/blob/main/${PATH}` },
  };
  return { method: 'GET', path: CONTENTS, status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** The annotations of a run, as the runner reads them from its output. */
function annotations(log: string): { file: string; line: string; col: string; message: string }[] {
  return [...log.matchAll(/^::error title=[^,\n]*,file=([^,\n]+),line=(\d+),col=(\d+)::(.*)$/gm)].map(([, file, line, col, message]) => ({ file: file!, line: line!, col: col!, message: message! }));
}

async function gateOn(setup: (world: ReleaseWorld) => void, policy?: string) {
  const world = await newWorld(policy === undefined ? {} : { policy });
  setup(world);
  const result = await world.gateOnPullRequest();
  return { world, result, log: logOf(result) };
}

describe('a bad readiness.yml, through the action', () => {
  it.each<[string, string | undefined, (world: ReleaseWorld) => void, string]>([
    ['an alias bomb', bomb, () => {}, '3:8: aliases (`*a` and the others) copy their anchors more than 100 times in all, as a YAML alias bomb does: write the values out instead'],
    ['bytes that are not UTF-8', undefined, (world) => world.fake.inject(policyAnswer(notUtf8)), '4:14: byte 43 is not UTF-8: save the file as UTF-8'],
    ['20,000 checks in 2 MB', twentyThousandChecks, () => {}, '1:1: the file is 1971 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks'],
    [
      'a 5 MB policy as GitHub sends it (no content over 1 MB)',
      undefined,
      (world) => world.fake.inject(policyAnswer(new Uint8Array(), { size: 5_000_000, encoding: 'none' })),
      '1:1: the file is 4883 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks',
    ],
    ['a policy that is only `version: 1`', 'version: 1\n', () => {}, '1:1: the policy requires nothing (no checks and no sign-offs): the gate would pass every release PR; add a check under `checks:` or a role under `signoffs:`'],
    ['two YAML documents', '---\nversion: 1\nchecks:\n  - { id: ci, name: CI, ci: {} }\n---\nversion: 1\n', () => {}, '5:1: a second YAML document (`---`): a policy is one document; remove this `---` and merge what follows into the first'],
  ])('%s: a located error in the status, the comment and an annotation', async (_name, policy, setup, error) => {
    const { world, result, log } = await gateOn(setup, policy);
    const [line, col, ...rest] = error.split(':');
    const message = rest.join(':').trim();
    expect(result.exitCode).toBe(1);
    expect(log).not.toMatch(/\n\s+at /); // no stack trace
    expect(world.fake.pendingFaults).toBe(0);
    const status = world.gateStatuses()[0]!;
    expect(status.state).toBe('error');
    expect(`Invalid readiness.yml: ${PATH}:${error}`.startsWith(status.description!.replace(/…$/, ''))).toBe(true);
    expect(world.gateComments()[0]!.body).toContain(`${PATH}:${error}`);
    expect(annotations(log)).toEqual([{ file: PATH, line: line!, col: col!, message }]);
    expect(result.outputs).toMatchObject({ state: 'error', ready: 'false' });
  });

  it('an unknown key: the annotation names its path, and says which policy it is', async () => {
    const { log } = await gateOn(() => {}, 'version: 1\nsignoffs:\n  sre: { users: [carol] }\nchecks:\n  - { id: ci, name: CI, ci: {}, reveiws: {} }\n');
    expect(log).toContain('::error title=Invalid .github/readiness.yml (read from main),file=.github/readiness.yml,line=5,col=33::checks[0].reveiws: unknown key `reveiws` (did you mean `reviews`?)');
  });

  it('many errors: as many annotations as GitHub shows, the rest in the comment', async () => {
    const checks = Array.from({ length: 30 }, (_, i) => `  - { id: c${i}, name: C, ci: {}, extra${i}: 1 }\n`).join('');
    const { world, log } = await gateOn(() => {}, `version: 1\nchecks:\n${checks}`);
    expect(annotations(log)).toHaveLength(9);
    expect(annotations(log)[0]).toMatchObject({ line: '3', col: '32', message: 'checks[0].extra0: unknown key `extra0` (expected one of: id, name, section, required, when, ci, reviews, signoff, coverage, dependabot, secret_scanning, code_scanning, files, pr_body, labels, metric, deployment, probe, window)' });
    expect(log).toContain('More errors in .github/readiness.yml than GitHub shows as annotations: the living comment lists them all.');
    expect(world.gateComments()[0]!.body).toContain('.github/readiness.yml:32:33: checks[29].extra29: unknown key');
  });

  it('a directory where the policy should be: an error that says so, and no annotation on a line', async () => {
    const { world, result, log } = await gateOn((w) => w.fake.commit(REPO, 'main', { [PATH]: null, [`${PATH}/policy.yml`]: 'version: 1\n' }));
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'error', description: 'Cannot evaluate: `.github/readiness.yml` is a directory, not a file' });
    expect(world.gateComments()[0]!.body).toContain('Make `.github/readiness.yml` a file on `main`, or point the `config` input at one.');
    expect(annotations(log)).toEqual([]);
    expect(log).toContain('::error::');
  });

  it('a valid policy: no annotation', async () => {
    const { result, log } = await gateOn(() => {});
    expect(result.exitCode).toBe(0);
    expect(log).not.toContain('::error');
  });
});
