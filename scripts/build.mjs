// Bundles the action into one ESM file. Some dependencies are CommonJS and call
// require() on Node built-ins, which an ESM bundle cannot do without createRequire.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const buildOptions = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  // Minified: the runner loads the whole bundle on every event, and it must stay under 1.5 MB.
  minify: true,
  // The shebang makes the bundle the package's `bin` as well.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'no-oidc-http-client',
      setup(build) {
        build.onResolve({ filter: /^@actions\/http-client(\/lib\/auth)?$/ }, () => ({
          path: fileURLToPath(new URL('./stubs/actions-http-client.mjs', import.meta.url)),
        }));
      },
    },
  ],
  logLevel: 'warning',
};

const outfile = process.argv[2] ?? 'dist/index.js';
await build({ ...buildOptions, outfile });
