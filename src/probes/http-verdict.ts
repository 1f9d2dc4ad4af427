import { readJsonPath } from '../core/json/json-path.ts';
import type { AttemptResult } from './http-attempt.ts';
import type { HttpProbeFact, JsonScalar } from './probe-fact.ts';
import type { HttpProbeSettings } from './probe-input.ts';
import { duration, shown, size } from './wording.ts';

export type HttpVerdict = Pick<HttpProbeFact, 'outcome' | 'status' | 'detail' | 'json'>;

/** The one-line story of an attempt, for the detail of the retry that followed it. */
export function attemptSummary(result: AttemptResult): string {
  if (result.kind === 'no-answer') return result.problem.detail;
  return `answered ${result.status}`;
}

/** A retry learns something only after no answer or a server error; any other answer would be given again. */
export function worthRetrying(result: AttemptResult, settings: HttpProbeSettings): boolean {
  if (result.kind === 'no-answer') return result.problem.kind !== 'certificate';
  return result.kind === 'answer' && result.status >= 500 && !settings.expectStatus.includes(result.status);
}

function jsonVerdict(result: Extract<AttemptResult, { kind: 'answer' }>, check: NonNullable<HttpProbeSettings['json']>, cap: number): HttpVerdict {
  const field = `\`${check.text}\``;
  const fail = (detail: string, json?: JsonScalar | null): HttpVerdict => ({ outcome: 'fail', status: result.status, detail, ...(json === undefined ? {} : { json }) });
  // A cut body could still parse (a number cut short), so it is never read.
  if (result.truncated) return fail(`the answer is longer than ${size(cap)}, so ${field} was not read`);
  let document: unknown;
  try {
    document = JSON.parse((result.body ?? Buffer.alloc(0)).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return fail(`the answer is not JSON, so ${field} was not read`);
  }
  const found = readJsonPath(document, check.path);
  if (!found.found) return fail(`${field} is missing`);
  const value = found.value;
  // Only scalars are recorded: an object could be as large as the whole body.
  const recorded = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  if (value !== check.equals) return fail(`${field} is ${shown(value)}, expected ${shown(check.equals)}`, recorded);
  return { outcome: 'pass', status: result.status, detail: `answered ${result.status} in ${duration(result.elapsedMs)}, ${field} is ${shown(value)}`, ...(recorded === undefined ? {} : { json: recorded }) };
}

/** What the deciding attempt means for the check. */
export function httpVerdict(result: AttemptResult, settings: HttpProbeSettings): HttpVerdict {
  switch (result.kind) {
    case 'no-answer':
      return { outcome: result.problem.kind === 'certificate' ? 'fail' : 'unreachable', detail: result.problem.detail };
    case 'refused-redirect':
      return { outcome: 'fail', status: result.status, detail: result.detail };
    case 'answer':
      if (!settings.expectStatus.includes(result.status)) return { outcome: 'fail', status: result.status, detail: `answered ${result.status}, expected ${settings.expectStatus.join(' or ')}` };
      if (settings.json) return jsonVerdict(result, settings.json, settings.maxBodyBytes);
      return { outcome: 'pass', status: result.status, detail: `answered ${result.status} in ${duration(result.elapsedMs)}` };
  }
}
