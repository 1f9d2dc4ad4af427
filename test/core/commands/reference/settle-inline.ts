import type { Nodes } from 'mdast';
import type { Candidate } from './find-candidate.ts';
import { parsePacked, pathInPack, type InlineBudget, type Segment } from './inline.ts';
import { placeInParagraph, type InlineHolder, type ParagraphFacts } from './paragraph.ts';
import type { CommandPlacement } from './placement.ts';

/** A command in a top-level paragraph with inline markup before it: a code span, emphasis or link may hold it. */
export interface PendingCheck {
  candidate: Candidate;
  facts: ParagraphFacts;
  lineEnd: number;
}

/** What holds a command inside its paragraph, from the path to it in a parse with inline markup. */
export function holderOf(path: readonly Nodes[]): InlineHolder {
  const holder = path[0]?.type === 'paragraph' ? path[1] : undefined;
  if (holder?.type === 'text') return 'text';
  if (holder?.type === 'html') return 'html';
  if (holder?.type === 'inlineCode') return 'code';
  return 'other';
}

/**
 * Places the pending commands, parsing their paragraphs with inline markup
 * in as few parses as fit the budget. A reference link spanning a command
 * exists only if its definition does, anywhere in the comment: paragraphs
 * with brackets are parsed with the comment's link definitions, or, when
 * those are unknown (`definitions` null), held to be links.
 */
export function settleInline(body: string, checks: readonly PendingCheck[], definitions: readonly string[] | null, budget: InlineBudget): Map<PendingCheck, CommandPlacement> {
  const byParagraph = new Map<ParagraphFacts, PendingCheck[]>();
  for (const check of checks) {
    const group = byParagraph.get(check.facts);
    if (group) group.push(check);
    else byParagraph.set(check.facts, [check]);
  }
  const plain: Segment[] = [];
  const linked: Segment[] = [];
  const groupOf = new Map<Segment, PendingCheck[]>();
  for (const [facts, group] of byParagraph) {
    const segment = { at: facts.start, source: body.slice(facts.start, facts.end) };
    groupOf.set(segment, group);
    (facts.mayLink ? linked : plain).push(segment);
  }

  const placed = new Map<PendingCheck, CommandPlacement>();
  const settle = (segments: Segment[], trailer: string | null): void => {
    const { packs, unaffordable } = trailer === null ? { packs: [], unaffordable: segments } : parsePacked(segments, trailer, budget);
    for (const segment of unaffordable) {
      for (const check of groupOf.get(segment) ?? []) placed.set(check, placeInParagraph(check.candidate, check.facts, 'other', check.lineEnd));
    }
    for (const pack of packs) {
      pack.segments.forEach((segment, index) => {
        for (const check of groupOf.get(segment) ?? []) {
          const holder = holderOf(pathInPack(pack, index, check.candidate.offset));
          placed.set(check, placeInParagraph(check.candidate, check.facts, holder, check.lineEnd));
        }
      });
    }
  };
  settle(plain, '');
  settle(linked, definitions === null ? null : definitions.map((label) => `[${label}]: #`).join('\n'));
  return placed;
}
