/** What the adapters log through; the core never logs. */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
}
