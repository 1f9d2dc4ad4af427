// The workflow `init` writes is the one the README shows, and every copy of the gate's job starts a
// runner on the same events: kept equal by a test, not by memory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowBlocks } from '../../scripts/lint-workflows.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Job {
  if?: string;
  concurrency?: unknown;
  steps: { uses?: string }[];
}
const gateJob = (yamlText: string) => (parse(yamlText) as { jobs: Record<string, Job> }).jobs['release-readiness']!;

const template = read('templates/workflows/release-readiness.yml');
const readmeBlocks = workflowBlocks(read('README.md'));

describe('the suggested workflow', () => {
  it('is the README\'s "1. The workflow", byte for byte', () => {
    expect(readmeBlocks.find((block) => !block.jobsOnly)?.text).toBe(template);
  });

  it('starts the job on the same events, with the same concurrency, in the template, the hardened setup and this repository', () => {
    const expected = gateJob(template);
    expect(expected.if).toContain("contains(github.event.comment.body, '/signoff')");
    const hardened = readmeBlocks.find((block) => block.jobsOnly && block.text.includes('create-github-app-token'));
    for (const job of [gateJob(hardened!.text), gateJob(read('.github/workflows/release-readiness.yml'))]) {
      expect(job.if).toBe(expected.if);
      expect(job.concurrency).toEqual(expected.concurrency);
    }
  });

  it("names the action by package.json's repository, at the package's major version", () => {
    const manifest = JSON.parse(read('package.json')) as { version: string; repository: { url: string } };
    const repository = /^git\+https:\/\/github\.com\/(.+)\.git$/.exec(manifest.repository.url)![1];
    // Before the first release (0.x) the workflow already names v1: the first release is v1.0.0.
    const major = Math.max(1, Number(manifest.version.split('.')[0]));
    const uses = gateJob(template).steps.flatMap((step) => (step.uses?.includes('release-readiness') ? [step.uses] : []));
    expect(uses).toEqual([`${repository}@v${major}`]);
  });
});
