// Fault injection: the next `times` requests matching a rule get a raw answer
// (any status, any body, malformed JSON included), optionally after a delay. A
// rule with a delay but no status or body delays the real answer instead.

export interface FaultRule {
  method?: string;
  /** A concrete path (/repos/acme/rocket/pulls/7), an OpenAPI template, or a RegExp tested against the path. */
  path: string | RegExp;
  status?: number;
  times?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class Faults {
  #rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /** Consumes one use of the first rule matching the request, if any. */
  take(method: string, pathname: string, template: string | undefined): FaultRule | undefined {
    const rule = this.#rules.find((r) => {
      if (r.method && r.method.toUpperCase() !== method.toUpperCase()) return false;
      if (r.path instanceof RegExp) return r.path.test(pathname);
      return r.path === pathname || r.path === template;
    });
    if (!rule) return undefined;
    if (--rule.remaining <= 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
    return rule;
  }

  /** Rules not yet used up, for tests that assert every fault was hit. */
  get pending(): number {
    return this.#rules.length;
  }
}
