// Bundles the action into one ESM file. Some dependencies are CommonJS and call
// require() on Node built-ins, which an ESM bundle cannot do without createRequire.
import { build } from 'esbuild';

export const buildOptions = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  // The shebang makes the bundle the package's `bin` as well.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

const outfile = process.argv[2] ?? 'dist/index.js';
await build({ ...buildOptions, outfile });
