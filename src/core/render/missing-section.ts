import type { CheckResult } from '../model/check-result.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { Outcome } from '../model/outcomes.ts';
import { plural } from '../model/phrases.ts';
import { firstFew, plainText, type RichText } from '../model/rich-text.ts';
import type { RoleResult } from '../model/role-result.ts';
import type { Actor, Todo } from '../model/todo.ts';
import { OUTCOME_GLYPH } from './glyphs.ts';
import { cell, code, profileLink } from './markdown.ts';
import { linksOf, toMarkdown } from './rich-markdown.ts';

type Group = Exclude<Actor['kind'], 'role'>;

/** Who acts, in the order the comment lists them; sign-offs come last, under their roles. `waiting`: said when something is awaited. */
const GROUPS: readonly { kind: Group; title: string; waiting?: string }[] = [
  { kind: 'maintainers', title: '**Gate setup** — for whoever maintains the workflow and `readiness.yml`' },
  { kind: 'author', title: '**PR author**' },
  { kind: 'ci', title: '**CI**', waiting: ' — a job that never starts: check the triggers of its workflow' },
  { kind: 'security', title: '**Security alerts**' },
  { kind: 'reviewers', title: '**Reviewers**' },
];

/** Past this many, the items of one line are counted, not listed: the checklist has them all. */
const MAX_ITEMS = 12;

const DONE = new Set<Outcome>(['pass', 'skipped', 'waived']);
const WORST_FIRST: readonly Outcome[] = ['unknown', 'fail', 'pending'];

/** Equal to-dos of several checks: one line, its items listed once. */
interface Line {
  action: RichText;
  items: Map<string, RichText>;
  checks: CheckResult[];
}

/** A sentence's final period, dropped where it is followed by more. */
function withoutPeriod(text: RichText): RichText {
  const last = text.at(-1);
  return last?.kind === 'text' && last.text.endsWith('.') ? [...text.slice(0, -1), { kind: 'text', text: last.text.slice(0, -1) }] : text;
}

/** What a check that is not done asks of whom. A kind that gives no to-do says it by its fix, for the PR's author. */
function todosOf(check: CheckResult): Todo[] {
  if (DONE.has(check.outcome)) return [];
  // Evidence that could not be read is listed once, with its fix, however many checks need it.
  if (check.problem) return [];
  if (check.todos) return check.todos;
  if (!check.fix?.length) return [];
  return [{ by: { kind: check.outcome === 'unknown' ? 'maintainers' : 'author' }, action: withoutPeriod(check.fix) }];
}

/** The lines of one group, in the order their first check comes in the policy. */
function linesOf(checks: readonly CheckResult[], group: Group): Line[] {
  const lines = new Map<string, Line>();
  for (const check of checks) {
    for (const todo of todosOf(check)) {
      if (todo.by.kind !== group || !todo.action) continue;
      // What is advisory stays apart: it must read as not blocking.
      const key = `${check.required ? 'required' : 'advisory'} ${plainText(todo.action)}`;
      const line: Line = lines.get(key) ?? { action: todo.action, items: new Map(), checks: [] };
      lines.set(key, line);
      for (const item of todo.items ?? []) line.items.set(plainText(item), item);
      if (!line.checks.includes(check)) line.checks.push(check);
    }
  }
  return [...lines.values()];
}

function lineMarkdown(line: Line): string {
  const worst = WORST_FIRST.find((outcome) => line.checks.some((check) => check.outcome === outcome)) ?? 'pending';
  const items = [...line.items.values()];
  const what = items.length > 0 ? `${toMarkdown(line.action)}: ${toMarkdown(firstFew(items, MAX_ITEMS))}` : toMarkdown(line.action);
  const advisory = line.checks.every((check) => !check.required) ? ' _(advisory: does not block)_' : '';
  const [only] = line.checks;
  const serves = line.checks.length === 1 && only ? cell(only.name) : plural(line.checks.length, 'checklist item');
  return `- ${OUTCOME_GLYPH[worst]} ${what}${advisory} — ${serves}`;
}

/** "[alice](…)", "one of [alice](…), [bob](…) or a member of `acme/security`", "anyone with `write` permission". */
function whoMaySign(role: RoleResult): string {
  const people = [...role.users.filter((login) => !role.signatures.some((s) => s.login === login)).map(profileLink), ...role.teams.map((team) => `a member of ${code(team)}`)];
  const still = role.min - role.signatures.length;
  const permission = role.permission ? `\`${role.permission}\` permission` : null;
  if (people.length === 0) return permission ? `anyone with ${permission}` : 'nobody left who may sign';
  const list = people.length === 1 ? people[0]! : `${people.slice(0, -1).join(', ')} or ${people.at(-1)!}`;
  const count = still > 1 ? `${still} of ` : people.length > 1 || role.teams.length > 0 ? 'one of ' : '';
  return `${count}${list}${permission ? ` (with at least ${permission})` : ''}`;
}

function roleLine(role: RoleResult, items: number): string | null {
  if (role.outcome === 'unknown') return `- ${OUTCOME_GLYPH.unknown} **${role.role}**: cannot tell who signed: ${toMarkdown(role.because)}`;
  if (role.outcome !== 'pending') return null;
  const signed = role.signatures.length > 0 ? ` (signed: ${role.signatures.map((s) => profileLink(s.login)).join(', ')})` : '';
  const stale = role.stale.length > 0 ? ` · stale after the last push: ${role.stale.map((s) => s.login).join(', ')}` : '';
  const attests = items > 0 ? ` — for ${plural(items, 'checklist item')}` : '';
  return `- ${OUTCOME_GLYPH.pending} \`/signoff ${role.role}\` by ${whoMaySign(role)}${signed}${stale}${attests}`;
}

function signoffGroup(evaluation: Evaluation): string[] {
  const attested = (role: string) =>
    evaluation.checks.filter((check) => check.outcome === 'pending' && check.todos?.some((todo) => todo.by.kind === 'role' && todo.by.role === role)).length;
  const lines = evaluation.roles.flatMap((role) => roleLine(role, attested(role.role)) ?? []);
  return lines.length > 0 ? [`**Sign-offs** — each in a comment, on a line of its own:\n${lines.join('\n')}`] : [];
}

/**
 * "What is missing", grouped by who must act, each with the command or the fix. What several
 * checks need alike (the same CI run, the same kind of fix) is one line, its items listed once.
 * `linked`: the addresses it links (failing jobs, alerts), which the checklist then only names.
 */
export function missingSection(evaluation: Evaluation): { sections: string[]; linked: Set<string> } {
  const groups: string[] = [];
  const linked = new Set<string>();
  for (const { kind, title, waiting } of GROUPS) {
    const found = linesOf(evaluation.checks, kind);
    const awaited = waiting !== undefined && found.some((line) => line.checks.some((check) => check.outcome === 'pending'));
    for (const line of found) for (const item of line.items.values()) linksOf(item).forEach((url) => linked.add(url));
    const lines = found.map(lineMarkdown);
    if (kind === 'maintainers') {
      lines.unshift(...evaluation.problems.map((problem) => `- ${OUTCOME_GLYPH.unknown} **Could not read ${problem.what}**: ${problem.message}. ${problem.fix}`));
    }
    if (lines.length > 0) groups.push(`${title}${awaited ? waiting : ''}\n${lines.join('\n')}`);
  }
  groups.push(...signoffGroup(evaluation));
  return { sections: groups.length > 0 ? [`### What is missing\n\n${groups.join('\n\n')}`] : [], linked };
}
