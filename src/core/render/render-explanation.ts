import { formatConfigError } from '../config/config-error.ts';
import type { CheckResult } from '../model/check-result.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { plainText, quoted } from '../model/rich-text.ts';
import type { RoleResult } from '../model/role-result.ts';
import { OUTCOME_GLYPH, STATE_HEADLINE } from './glyphs.ts';
import { formatTime } from './markdown.ts';

/** Messages that mark code with backticks (problems, config errors), as a terminal shows them. */
const plain = (message: string) => plainText(quoted(message));

function checkLines(check: CheckResult): string[] {
  const advisory = check.required ? '' : ' (advisory: does not block)';
  const lines = [`  ${OUTCOME_GLYPH[check.outcome]} ${check.name}${advisory}: ${plainText(check.summary)}`];
  if (check.fix?.length) lines.push(`     → ${plainText(check.fix)}`);
  return lines;
}

function roleLine(role: RoleResult): string {
  const glyph = OUTCOME_GLYPH[role.outcome];
  if (role.because) return `  ${glyph} ${role.role}: ${role.outcome === 'skipped' ? 'does not apply' : 'cannot tell'}: ${plainText(role.because)}`;
  const signed = role.signatures.map((s) => `${s.login} at ${formatTime(s.at)} on ${s.commit ? s.commit.slice(0, 7) : 'an unknown commit'}`);
  const stale = role.stale.length > 0 ? ` · stale after the last push: ${role.stale.map((s) => s.login).join(', ')}` : '';
  if (role.outcome === 'pass') return `  ${glyph} ${role.role}: signed by ${signed.join(', ')}`;
  const who = [...role.users, ...role.teams.map((team) => `a member of ${team}`), ...(role.permission ? [`anyone with ${role.permission} permission`] : [])].join(', ');
  const got = signed.length > 0 ? ` (${signed.length} of ${role.min} so far: ${signed.join(', ')})` : '';
  return `  ${glyph} ${role.role}: waiting for \`/signoff ${role.role}\` from ${role.min === 1 ? 'one of' : `${role.min} of`} ${who || 'nobody left who may sign'}${got}${stale}`;
}

/**
 * Why a PR is or is not ready, for a person at a terminal (`explain`): the verdict, each
 * checklist line with its evidence and, where it does not pass, what to do; then the
 * sign-offs. Plain text: links as "text (url)", no markup to read through.
 */
export function renderExplanation(evaluation: Evaluation, repository: string): string {
  const { pullRequest: pr } = evaluation;
  const head = pr.headSha.slice(0, 7);
  const lines = [`${repository}#${pr.number} at ${head}: ${STATE_HEADLINE[evaluation.state]}`, `Status release-readiness: ${evaluation.description}`];
  if (!evaluation.applies) return `${lines.join('\n')}\n`;
  lines.push(`Policy ${evaluation.policy.path} from ${evaluation.policy.ref}`);
  if (evaluation.configErrors.length > 0) {
    lines.push('', `The policy is invalid: fix it on ${evaluation.policy.ref}`, ...evaluation.configErrors.map((error) => `  ${plain(formatConfigError(evaluation.policy.path, error))}`));
  }
  if (evaluation.problems.length > 0) {
    lines.push('', 'Could not read', ...evaluation.problems.map((problem) => `  ${OUTCOME_GLYPH.unknown} ${plain(problem.what)}: ${plain(problem.message)}\n     → ${plain(problem.fix)}`));
  }
  if (evaluation.policyChange?.problem) lines.push('', `This PR changes the policy: ${plain(evaluation.policyChange.problem)}`);
  if (evaluation.checks.length > 0) lines.push('', 'Checklist', ...evaluation.checks.flatMap(checkLines));
  if (evaluation.roles.length > 0) lines.push('', `Sign-offs for ${head}`, ...evaluation.roles.map(roleLine));
  return `${lines.join('\n')}\n`;
}
