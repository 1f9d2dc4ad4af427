/** Where the CLI writes; tests and the real process each provide one. */
export interface CliIo {
  out(text: string): void;
  error(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}
