// The types of build.mjs, for the tests that reuse its options.
import type { BuildOptions } from 'esbuild';

export declare const buildOptions: BuildOptions;
