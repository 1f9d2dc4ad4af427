import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

// Inline constructs switched off: block structure never depends on them, and
// they hold the parser's slowest paths. Character escapes and references stay
// on, because a link definition's title (which can swallow lines) depends on them.
const BLOCKS_ONLY = {
  disable: { null: ['attention', 'autolink', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'] },
};

/** Block structure of CommonMark markdown; null if the parser fails, which callers treat as "unsure". */
export function parseBlocks(markdown: string): Root | null {
  try {
    return fromMarkdown(markdown, { extensions: [BLOCKS_ONLY] });
  } catch {
    return null;
  }
}

/** Full CommonMark parse, inline constructs included. */
export function parseFull(markdown: string): Root | null {
  try {
    return fromMarkdown(markdown);
  } catch {
    return null;
  }
}

function childrenOf(node: Nodes): Nodes[] {
  return 'children' in node ? node.children : [];
}

/** The child whose source range holds `offset`: children are in source order, so a binary search. */
function childAt(node: Nodes, offset: number): Nodes | null {
  const children = childrenOf(node);
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const child = children[mid];
    const start = child?.position?.start.offset;
    const end = child?.position?.end.offset;
    if (child === undefined || start === undefined || end === undefined) return null;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return child;
  }
  return null;
}

/** The nodes holding `offset`, outermost (a child of the root) first. */
export function pathTo(root: Root, offset: number): Nodes[] {
  const path: Nodes[] = [];
  for (let node = childAt(root, offset); node; node = childAt(node, offset)) path.push(node);
  return path;
}

/** Every node below `root`, in document order, without recursion (nesting can be deep). */
export function descendants(root: Root): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    const children = childrenOf(node);
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child) stack.push(child);
    }
  }
  return out;
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}
