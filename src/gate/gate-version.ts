import packageJson from '../../package.json' with { type: 'json' };

/** The gate's version: a new one may judge the same evidence differently, and a record names it. */
export const GATE_VERSION = packageJson.version;
