// Fails when the committed dist/ is not what the sources build to: users run dist/index.js.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const dir = await mkdtemp(join(tmpdir(), 'dist-check-'));
try {
  const fresh = join(dir, 'index.js');
  execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });
  const [built, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile('dist/index.js', 'utf8').catch(() => '')]);
  if (built !== committed) {
    console.error('dist/index.js is stale: run `npm run build` and commit dist/.');
    process.exit(1);
  }
  console.log('dist/index.js is current.');
} finally {
  await rm(dir, { recursive: true, force: true });
}
