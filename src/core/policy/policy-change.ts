import { formatConfigError } from '../config/config-error.ts';
import type { ConfigParse } from '../config/parse-config.ts';
import type { ReadinessConfig } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { ChangedFilesFact, Readable } from '../evidence/snapshot.ts';
import type { PolicyChange } from '../model/evaluation.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';

const SETTINGS = ['release', 'distinct_signers', 'waivers', 'policy_change', 'remind_after', 'non_release_status', 'writers'] as const;

function diffById<T>(kind: string, before: Map<string, T>, after: Map<string, T>): RichText[] {
  const effects: RichText[] = [];
  for (const [id, value] of after) {
    if (!before.has(id)) effects.push(rich`add ${kind} ${code(id)}`);
    else if (JSON.stringify(before.get(id)) !== JSON.stringify(value)) effects.push(rich`change ${kind} ${code(id)}`);
  }
  for (const id of before.keys()) if (!after.has(id)) effects.push(rich`remove ${kind} ${code(id)}`);
  return effects;
}

export function diffPolicies(base: ReadinessConfig, head: ReadinessConfig): RichText[] {
  return [
    ...diffById('check', new Map(base.checks.map((c) => [c.id, c])), new Map(head.checks.map((c) => [c.id, c]))),
    ...diffById('role', new Map(Object.entries(base.signoffs)), new Map(Object.entries(head.signoffs))),
    ...SETTINGS.filter((key) => JSON.stringify(base[key]) !== JSON.stringify(head[key])).map((key) => rich`change ${code(key)}`),
  ];
}

/**
 * Null when the PR does not touch the policy file. `parse` reads the PR's version (a
 * ParseMemo's, so that it is parsed once however often the PR is evaluated).
 */
export function policyChange(
  path: string,
  base: ReadinessConfig,
  baseText: string,
  changedFiles: Readable<ChangedFilesFact> | undefined,
  lookups: LookupReader,
  parse: (text: string) => ConfigParse,
): PolicyChange | null {
  if (!changedFiles) return null;
  // Without the changed files nobody can tell whether this PR rewrites the gate's own policy.
  if (!changedFiles.ok) return { effects: [], problem: `cannot tell whether this PR changes ${path}: ${changedFiles.problem.message}` };
  const listed = changedFiles.value.files.some((file) => file.path === path || file.previousPath === path);
  if (!listed && !changedFiles.value.truncated) return null;
  const head = lookups.headPolicy();
  // GitHub lists at most 3,000 files: past that, the head's own copy says whether it changed.
  if (!listed && head?.ok && head.value === baseText) return null;
  if (head === undefined) return { effects: [], problem: `this PR’s version of ${path} was not read` };
  if (!head.ok) return { effects: [], problem: `this PR’s version of ${path} could not be read: ${head.problem.message}` };
  if (head.value === null) return { effects: [rich`delete the policy: every release PR on this branch would then be ungated (an error)`] };
  const parsed = parse(head.value);
  if (!parsed.ok) return { effects: [], problem: `this PR makes ${path} invalid: ${formatConfigError(path, parsed.errors[0]!)}` };
  return { effects: diffPolicies(base, parsed.config) };
}
