// End-to-end tests run the bundled action as a runner does. Bundle the current
// sources once per test run, so the tests never exercise a stale build.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const bundlePath = fileURLToPath(new URL('../../.tmp/action/index.js', import.meta.url));

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', bundlePath], { stdio: 'inherit' });
}
