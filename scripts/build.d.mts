// The types of build.mjs, for the tests that reuse its options.
import type { BuildOptions, Metafile } from 'esbuild';

export declare const buildOptions: BuildOptions;
/** Builds into the folder of `outfile` (index.js and its chunks) with THIRD_PARTY_NOTICES.txt; returns esbuild's metafile. */
export declare function buildInto(outfile: string): Promise<Metafile>;
