import { markdownTable } from 'markdown-table';
import type { Evaluation } from '../model/evaluation.ts';
import type { LedgerEntry } from '../model/ledger-entry.ts';
import { cell, code, formatTime } from './markdown.ts';
import { renderComment } from './render-comment.ts';
import { toMarkdown } from './rich-markdown.ts';

/** Which record placed the command on a commit, in a reader's words. */
const BOUND_BY: Record<LedgerEntry['boundBy'], string> = {
  activity: 'GitHub’s record of pushes',
  'gate status': 'the gate’s first status (App)',
  none: '—',
};

function ledgerRow(entry: LedgerEntry): string[] {
  return [
    cell(formatTime(entry.at)),
    cell(entry.login),
    cell(code(entry.command)),
    entry.commit ? `\`${entry.commit.slice(0, 7)}\`` : '—',
    BOUND_BY[entry.boundBy],
    entry.counts ? `✅ counts${entry.reason.length > 0 ? ` (${cell(toMarkdown(entry.reason))})` : ''}` : `❌ ${cell(toMarkdown(entry.reason))}`,
    `[comment](${entry.commentUrl})`,
  ];
}

/** The job summary: the living comment, then the full audit ledger of every command on the PR. */
export function renderSummary(evaluation: Evaluation): string {
  const comment = renderComment(evaluation);
  if (evaluation.ledger.length === 0) return comment;
  const table = markdownTable([['When', 'Who', 'Command', 'Commit', 'Bound by', 'Decision', 'Link'], ...evaluation.ledger.map(ledgerRow)], { alignDelimiters: false });
  return `${comment}\n### Audit ledger\nEvery sign-off, withdrawal and waiver on the PR, rebuilt from its comments on this run.\n\n${table}\n`;
}
