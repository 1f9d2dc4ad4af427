// Bundles the action into ESM: dist/index.js, and the chunks it imports. Some dependencies are
// CommonJS and call require() on Node built-ins, which an ESM bundle cannot do without createRequire.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTICES_FILE, writeNotices } from './third-party-notices.mjs';

export const buildOptions = {
  entryPoints: { index: 'src/main.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // What only some runs need (the CLI, the coverage report parsers) is imported where it is
  // used, into chunks of its own beside index.js: the runner starts the action on every event,
  // and each start compiles all that it loads. Shared code goes into chunks too.
  splitting: true,
  chunkNames: '[name]-[hash]',
  // The bundled packages' licenses go whole into THIRD_PARTY_NOTICES.txt beside the bundle (see
  // third-party-notices.ts), not as legal comments: most packages carry none in their code, so
  // 'linked' or 'eof' would leave out the very notices their licenses ask to keep.
  legalComments: 'none',
  // Which inputs put bytes into the bundle: the list of packages the notices cover.
  metafile: true,
  // Whitespace and syntax only: renaming identifiers saves no start-up time (V8 compiles this
  // bundle in as many instructions as the fully minified one, measured with callgrind) and would
  // leave stack traces without a readable function name. Its code in dist/ is ~1.1 MB, under 1.5 MB.
  minifyWhitespace: true,
  minifySyntax: true,
  // For positions in src/ (and in the packages) with `node --enable-source-maps`. Node reads a map
  // only then, so a run without the flag pays nothing; without the sources' text the maps stay
  // small, and the files they point to are in this repository and in node_modules.
  sourcemap: 'linked',
  sourcesContent: false,
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

/**
 * Builds into the folder of `outfile` (its name is the entry's), and removes the chunks and maps
 * an earlier build left there: chunk names change with their content, and dist/ must hold only
 * what this build wrote.
 */
export async function buildInto(outfile) {
  const outdir = dirname(outfile);
  const { metafile } = await build({ ...buildOptions, outdir, entryNames: basename(outfile, extname(outfile)) });
  const written = new Set(Object.keys(metafile.outputs).map((path) => resolve(path)));
  for (const name of readdirSync(outdir)) {
    // Only what a build writes: chunks (`name-HASH.js`), their maps, the entry's map.
    const ours = /-[A-Z0-9]{8}\.js(\.map)?$/.test(name) || name === `${basename(outfile)}.map`;
    if (ours && !written.has(resolve(outdir, name))) rmSync(resolve(outdir, name));
  }
  writeNotices(metafile, outfile);
  return metafile;
}

// Run as a script (npm run build, the tests' global setup); imported, it only lends its options.
if (process.argv[1] === fileURLToPath(import.meta.url)) await buildInto(join(process.argv[2] ?? 'dist/index.js'));
