/** A problem in readiness.yml, positioned so that an editor can jump to it. */
export interface ConfigError {
  /** 1-based line and column in the file. */
  line: number;
  col: number;
  /** Where in the document, e.g. `checks[1].reviews.min`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatConfigError(file: string, error: ConfigError): string {
  const where = error.path ? `${error.path}: ` : '';
  return `${file}:${error.line}:${error.col}: ${where}${error.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
