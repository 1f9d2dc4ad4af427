// Bundles the action into one ESM file. Some dependencies are CommonJS and call
// require() on Node built-ins, which an ESM bundle cannot do without createRequire.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { NOTICES_FILE, writeNotices } from './third-party-notices.mjs';

export const buildOptions = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // The bundled packages' licenses go whole into THIRD_PARTY_NOTICES.txt beside the bundle (see
  // third-party-notices.ts), not as legal comments: most packages carry none in their code, so
  // 'linked' or 'eof' would leave out the very notices their licenses ask to keep.
  legalComments: 'none',
  // Which inputs put bytes into the bundle: the list of packages the notices cover.
  metafile: true,
  // Minified: the runner loads the whole bundle on every event, and it must stay under 1.5 MB.
  minify: true,
  // The shebang makes the bundle the package's `bin` as well.
  banner: {
    js: `#!/usr/bin/env node\n// Release Readiness (MIT). Bundled third-party packages and their licenses: ${NOTICES_FILE} beside this file.\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);`,
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

// Run as a script (npm run build, the tests' global setup); imported, it only lends its options.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2] ?? 'dist/index.js';
  const { metafile } = await build({ ...buildOptions, outfile });
  writeNotices(metafile, outfile);
}
