// The notices beside the bundle must name every package in it, with that package's license text:
// checked here against esbuild's own account of the bundle, found independently of the generator.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOptions } from '../../scripts/build.mjs';
import { bundledPackages, renderNotices } from '../../scripts/third-party-notices.mjs';

const OUTFILE = '.tmp/notices-check/index.js';

/** Package directories with bytes in the bundle (the entry and its chunks), straight from the metafile. */
function packagesInBundle(metafile: Metafile): string[] {
  const dirs = Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
    .filter((dir) => dir !== undefined);
  return [...new Set(dirs)].sort();
}

describe('third-party notices', () => {
  let metafile: Metafile;
  let notices: string;

  beforeAll(async () => {
    ({ metafile } = await build({ ...buildOptions, outdir: dirname(OUTFILE), write: false, metafile: true }));
    notices = renderNotices(bundledPackages(metafile, OUTFILE), 'index.js');
  });

  it('list every bundled package with its version and each of its license and notice files, verbatim', () => {
    const dirs = packagesInBundle(metafile);
    expect(dirs.length).toBeGreaterThan(10);
    for (const dir of dirs) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      expect(notices, dir).toContain(`\n${manifest.name} ${manifest.version} (`);
      for (const file of readdirSync(dir).filter((name) => /^(licen[cs]e|copying|notice)/i.test(name))) {
        expect(notices, `${dir}/${file}`).toContain(readFileSync(join(dir, file), 'utf8').replaceAll('\r\n', '\n').trimEnd());
      }
    }
    // No more sections than packages: nothing listed that tree-shaking left out.
    expect(notices.match(/^={100}\n/gm)!.length).toBe(dirs.length * 2);
  });

  it('refuse a bundled package that ships no license file, and skip one that adds no bytes', () => {
    const root = mkdtempSync(join(tmpdir(), 'notices-'));
    for (const name of ['unlicensed', 'shaken']) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license: 'MIT' }));
    }
    const fake = (bytes: number): Metafile => ({
      inputs: {},
      outputs: {
        'out/index.js': {
          bytes: 1,
          imports: [],
          exports: [],
          entryPoint: 'src/main.ts',
          inputs: { 'node_modules/unlicensed/index.js': { bytesInOutput: bytes }, 'node_modules/shaken/index.js': { bytesInOutput: 0 } },
        },
      },
    });
    expect(() => bundledPackages(fake(10), join(root, 'out/index.js'), root)).toThrow(/unlicensed@1\.0\.0 .* ships no license file/);
    expect(bundledPackages(fake(0), join(root, 'out/index.js'), root)).toEqual([]);
  });
});
