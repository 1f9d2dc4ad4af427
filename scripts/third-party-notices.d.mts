// The types of third-party-notices.mjs (plain JavaScript, so that the build runs on any Node).
import type { Metafile } from 'esbuild';

export declare const NOTICES_FILE: string;

interface Notice {
  /** The file it comes from, e.g. LICENSE.md. */
  file: string;
  text: string;
}

export interface BundledPackage {
  name: string;
  version: string;
  /** The license its package.json declares (an SPDX expression). */
  license: string;
  repository: string | undefined;
  /** Its license and notice files, at least one. */
  notices: Notice[];
}

/** `…/node_modules/@scope/name/lib/x.js` → `…/node_modules/@scope/name`; undefined for our own files. */
export declare function packageDirOf(inputPath: string): string | undefined;
/** Every package with at least one byte in `outfile` or the chunks beside it, with its license texts; throws for one without a license file. */
export declare function bundledPackages(metafile: Metafile, outfile: string, workingDir?: string): BundledPackage[];
export declare function renderNotices(packages: BundledPackage[], bundleName: string): string;
/** Writes THIRD_PARTY_NOTICES.txt beside `outfile`; returns its path. */
export declare function writeNotices(metafile: Metafile, outfile: string, workingDir?: string): string;
