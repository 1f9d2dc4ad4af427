import { markdownTable } from 'markdown-table';
import { formatConfigError } from '../config/config-error.ts';
import { evaluationTag, type PublishedFingerprint } from '../markers/evaluation-tag.ts';
import { COMMENT_MARKER } from '../markers/gate-comments.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { LedgerEntry } from '../model/ledger-entry.ts';
import type { RoleResult } from '../model/role-result.ts';
import { plural } from '../model/phrases.ts';
import { checksSection, type Detail } from './checks-section.ts';
import { OUTCOME_GLYPH, STATE_HEADLINE } from './glyphs.ts';
import { cell, code, formatTime, profileLink } from './markdown.ts';
import { missingSection } from './missing-section.ts';
import { toMarkdown } from './rich-markdown.ts';

/**
 * The living comment, a pure function of the evaluation. It holds no clock, so the
 * same evidence renders the same text and an unchanged comment is never re-sent.
 */
export function renderComment(evaluation: Evaluation, fingerprint?: PublishedFingerprint): string {
  // GitHub refuses comments over 65,536 characters: cut in stages, most useful parts last.
  const full = render(evaluation, 'full', true, fingerprint);
  if (full.length <= COMMENT_LIMIT) return full;
  const compact = render(evaluation, 'compact', false, fingerprint);
  if (compact.length <= COMMENT_LIMIT) return compact;
  const note = '\n\n_…cut to fit GitHub’s comment limit: the whole evaluation is in the job summary and the step output `report`._\n';
  return `${compact.slice(0, COMMENT_LIMIT - note.length)}${note}`;
}

/** GitHub's limit is 65,536; a margin keeps multi-byte surprises out. */
const COMMENT_LIMIT = 65_000;

function render(evaluation: Evaluation, detail: Detail, withLedger: boolean, fingerprint: PublishedFingerprint | undefined): string {
  const missing = missingSection(evaluation);
  const published = { sha: evaluation.pullRequest.headSha, state: evaluation.state, description: evaluation.description, ...(fingerprint ? { fingerprint } : {}) };
  const sections = [
    `${COMMENT_MARKER}\n${evaluationTag(published)}`,
    // The state, then who must do what: the checklist is the evidence behind it.
    `## ${STATE_HEADLINE[evaluation.state]} — release readiness\n\n${summaryLine(evaluation)}`,
    ...forgerySection(evaluation),
    ...configErrorSection(evaluation),
    ...missing.sections,
    ...policyChangeSection(evaluation),
    ...checksSection(evaluation.checks, detail, missing.linked),
    ...rolesSection(evaluation),
    ...(withLedger ? ledgerSection(evaluation.ledger) : []),
    footer(evaluation),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** "Required checks: 7 of 49 pass · Sign-offs: 0 of 4 given", then the status as posted. */
function summaryLine(evaluation: Evaluation): string {
  const required = evaluation.checks.filter((check) => check.required && check.outcome !== 'skipped');
  const passing = required.filter((check) => check.outcome === 'pass' || check.outcome === 'waived').length;
  const roles = evaluation.roles.filter((role) => role.outcome !== 'skipped');
  const signed = roles.filter((role) => role.outcome === 'pass').length;
  const parts: string[] = [];
  if (required.length > 0) parts.push(`**Required checks:** ${passing} of ${required.length} ${required.length === 1 ? 'passes' : 'pass'}`);
  if (roles.length > 0) parts.push(`**Sign-offs:** ${signed} of ${roles.length} given`);
  const status = `Status \`release-readiness\`: ${evaluation.description}`;
  return parts.length > 0 ? `${parts.join(' · ')}\n${status}` : status;
}

function forgerySection(evaluation: Evaluation): string[] {
  const forgery = evaluation.forgery;
  if (!forgery) return [];
  return [
    `> [!WARNING]\n> A \`release-readiness\` status (${forgery.state}${forgery.description ? `: ${code(forgery.description)}` : ''}) was set on this commit by ${code(forgery.by)} at ${formatTime(forgery.at)}, not by this gate's evaluation. It has been overwritten. See the README's hardening section to make this impossible.`,
  ];
}

function policyChangeSection(evaluation: Evaluation): string[] {
  const change = evaluation.policyChange;
  if (!change) return [];
  const lines = change.problem ? [`- ⚠️ ${change.problem}`] : change.effects.length ? change.effects.map((effect) => `- ${toMarkdown(effect)}`) : ['- nothing the gate checks (formatting or comments only)'];
  return [`### This PR changes the readiness policy\nThe version on \`${evaluation.policy.ref}\` still rules this PR. Merged, this change would:\n${lines.join('\n')}`];
}

function configErrorSection(evaluation: Evaluation): string[] {
  if (evaluation.configErrors.length === 0) return [];
  const lines = evaluation.configErrors.map((error) => formatConfigError(evaluation.policy.path, error));
  return [
    `### readiness.yml is invalid\nThe policy is read from \`${evaluation.policy.ref}\`. Fix these and merge the fix there:`,
    `\`\`\`\n${lines.join('\n').replace(/```/g, "'''")}\n\`\`\``,
  ];
}

function signedBy(role: RoleResult): string {
  const current = role.signatures.map((s) => `${profileLink(s.login)} at ${formatTime(s.at)} ([comment](${s.commentUrl}))`);
  const stale = role.stale.map((s) => `~~${s.login}~~ _stale: signed before the last push_ ([comment](${s.commentUrl}))`);
  return [...current, ...stale].join('<br>') || '—';
}

function rolesSection(evaluation: Evaluation): string[] {
  if (evaluation.roles.length === 0) return [];
  const rows = evaluation.roles.map((role) => [
    OUTCOME_GLYPH[role.outcome],
    `**${role.role}**`,
    cell(`${role.min} of ${role.users.map(profileLink).join(', ')}`),
    cell(role.because ? `${role.outcome === 'skipped' ? 'Does not apply' : 'Cannot tell'}: ${toMarkdown(role.because)}` : signedBy(role)),
  ]);
  const head = evaluation.pullRequest.headSha.slice(0, 7);
  return [`### Sign-offs for \`${head}\`\n${markdownTable([['', 'Role', 'Needs', 'Signed by'], ...rows], { alignDelimiters: false })}`];
}

function ledgerLine(entry: LedgerEntry): string {
  const verdict = entry.counts ? 'counted' : `did not count: ${toMarkdown(entry.reason)}`;
  return `- ${entry.login} ${code(entry.command)} at ${formatTime(entry.at)} ([comment](${entry.commentUrl})) — ${verdict}`;
}

function ledgerSection(ledger: LedgerEntry[]): string[] {
  const rejected = ledger.filter((entry) => !entry.counts);
  if (rejected.length === 0) return [];
  return [
    `<details><summary>${plural(rejected.length, 'command')} that did not count</summary>\n\n${rejected.map(ledgerLine).join('\n')}\n\n</details>`,
  ];
}

function footer(evaluation: Evaluation): string {
  return `<sub>Evaluated commit \`${evaluation.pullRequest.headSha}\` against \`${evaluation.policy.path}\` from \`${evaluation.policy.ref}\`. Sign off with \`/signoff <role>\` on a line of its own; withdraw with \`/signoff cancel <role>\`.</sub>`;
}
