// The licenses of the packages bundled into dist/ (index.js and its chunks). MIT, ISC, BSD and
// Apache-2.0 all ask that their notice travel with every copy of the code, and the bundle is a
// copy: the build writes THIRD_PARTY_NOTICES.txt beside it with each bundled package's own license
// file, found from esbuild's metafile (the inputs that put bytes into the outputs), so a new
// dependency is covered the day it is bundled and one that tree-shaking drops is not listed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

/**
 * Packages that ship no license file, with the license their package.json declares. The build fails
 * for any other package without one, so that no notice is missing without someone deciding it.
 * @type {Record<string, string>}
 */
const WITHOUT_LICENSE_FILE = {
  // Its README and package.json say MIT; the published package has only src/, README.md and package.json.
  '@nodable/entities': 'MIT',
};

/** The terms of a license named above, for a package that ships no text of its own. @type {Record<string, string>} */
const LICENSE_TEXTS = {
  MIT: `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.`,
};

/** `…/node_modules/@scope/name/lib/x.js` → `…/node_modules/@scope/name`; undefined for our own files. */
export function packageDirOf(inputPath) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(inputPath.replaceAll('\\', '/'));
  return match?.[1];
}

/** The files a package ships that carry its license or its notices (LICENSE, LICENSE-MIT.txt, license, NOTICE, COPYING). */
function legalFiles(dir) {
  return readdirSync(dir)
    .filter((name) => /^(licen[cs]e|copying|notice)([-._].*)?$/i.test(name))
    .sort();
}

function text(path) {
  return readFileSync(path, 'utf8').replaceAll('\r\n', '\n').trimEnd();
}

/**
 * Every package with at least one byte in `outfile` or in the chunks beside it (every output of the
 * build), from esbuild's metafile, with its license texts. `workingDir` is esbuild's absWorkingDir
 * (the metafile's paths are relative to it).
 */
export function bundledPackages(metafile, outfile, workingDir = process.cwd()) {
  const outputs = Object.entries(metafile.outputs);
  if (!outputs.some(([path]) => resolve(workingDir, path) === resolve(outfile))) throw new Error(`the metafile has no output ${outfile}`);
  const dirs = new Set();
  for (const [, output] of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = packageDirOf(input);
      if (dir && bytesInOutput > 0) dirs.add(resolve(workingDir, dir));
    }
  }
  const packages = [...dirs].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const files = legalFiles(dir);
    const declared = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN');
    const notices = files.map((name) => ({ file: name, text: text(join(dir, name)) }));
    if (notices.length === 0) {
      const known = WITHOUT_LICENSE_FILE[manifest.name];
      const licenseText = known === declared ? LICENSE_TEXTS[declared] : undefined;
      if (!licenseText) {
        throw new Error(
          `${manifest.name}@${manifest.version} (${relative(workingDir, dir)}) is bundled but ships no license file: ` +
            'read its license and add it to WITHOUT_LICENSE_FILE in scripts/third-party-notices.mjs, or do not bundle it',
        );
      }
      const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
      notices.push({
        file: `(no license file; package.json declares ${declared}${author ? `, author ${author}` : ''})`,
        text: `${declared} License\n\n${licenseText}`,
      });
    }
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    return { name: manifest.name, version: manifest.version, license: declared, repository, notices };
  });
  return packages.sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

const RULE = '='.repeat(100);

export function renderNotices(packages, bundleName) {
  const head = [
    `Third-party software in ${bundleName}`,
    '',
    `${bundleName} is the Release Readiness action bundled, with the chunks beside it that it imports. Besides Release`,
    `Readiness's own code (MIT, see LICENSE at the root of the package), they contain code from the ${packages.length} packages`,
    'below, each listed with its version, the license it declares and the text of its own license and notice files.',
    '',
    'Generated by `npm run build` (scripts/third-party-notices.mjs); `npm run check-dist` checks it is current.',
  ];
  const sections = packages.map((pkg) =>
    [
      RULE,
      `${pkg.name} ${pkg.version} (${pkg.license})${pkg.repository ? `\n${pkg.repository.replace(/^git\+/, '')}` : ''}`,
      RULE,
      ...pkg.notices.map((notice) => `--- ${notice.file}\n\n${notice.text}\n`),
    ].join('\n'),
  );
  return `${[head.join('\n'), ...sections].join('\n\n')}\n`;
}

/** Writes THIRD_PARTY_NOTICES.txt beside `outfile`; returns its path. */
export function writeNotices(metafile, outfile, workingDir = process.cwd()) {
  const path = join(dirname(outfile), NOTICES_FILE);
  writeFileSync(path, renderNotices(bundledPackages(metafile, outfile, workingDir), basename(outfile)));
  return path;
}
