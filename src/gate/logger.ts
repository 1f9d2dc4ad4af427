/** What the adapters log through; the core never logs. */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
  /** A collapsible group in the job log. */
  startGroup(name: string): void;
  endGroup(): void;
}
