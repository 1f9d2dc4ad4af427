/** A problem in readiness.yml, positioned so that an editor can jump to it. */
export interface ConfigError {
  /** 1-based line and column in the file. */
  line: number;
  col: number;
  /** Where in the document, e.g. `checks[1].reviews.min`; empty for the whole file. */
  path: string;
  message: string;
}

/** `file:line:col: path: message`, as compilers write it (with `warning: ` before the path for a warning). */
export function formatConfigError(file: string, error: ConfigError, severity: 'error' | 'warning' = 'error'): string {
  const where = error.path ? `${error.path}: ` : '';
  return `${file}:${error.line}:${error.col}: ${severity === 'warning' ? 'warning: ' : ''}${where}${error.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
