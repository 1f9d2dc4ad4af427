// What the gate's client throws of its own, apart from GitHub's answers.

/** A read-only client was asked to write: a bug, never a GitHub answer. */
export class ReadOnlyViolation extends Error {
  constructor(request: string) {
    super(`refused to send ${request}: this client only reads`);
  }
}

/** GitHub answered 2xx with a body that is not the JSON it declared: malformed or cut off. */
export class UnreadableAnswer extends Error {
  constructor() {
    super("GitHub's answer was not readable (a malformed or cut-off response)");
  }
}
