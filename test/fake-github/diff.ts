// Line diffs between two trees, for a pull request's files and its
// additions/deletions counts. An LCS diff is plenty for test-sized files; the
// patch uses unified hunks with three lines of context, like GitHub. Renames
// are found when a file moves with identical content, the case git and GitHub
// never miss (they also pair files that changed a little on the way).

export interface FileChange {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  /** Renamed files: the path in the base tree. */
  previousFilename?: string;
  before: string | undefined;
  after: string | undefined;
  additions: number;
  deletions: number;
  patch: string;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function lines(text: string | undefined): string[] {
  if (!text) return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function diffLines(a: string[], b: string[]): Op[] {
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i++]!, a: i, b: ++j });
    // Deletions before additions, as git prints them.
    else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: a[i++]!, a: i, b: j });
    else ops.push({ kind: '+', line: b[j++]!, a: i, b: j });
  }
  return ops;
}

// git and GNU diff leave out a count of 1: "@@ -3 +3 @@".
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

function hunks(ops: Op[], context = 3): string {
  const changed = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = Math.min(ops.length - 1, changed[k]! + context);
    while (k + 1 < changed.length && changed[k + 1]! - context <= end + 1) end = Math.min(ops.length - 1, changed[++k]! + context);
    k++;
    const slice = ops.slice(start, end + 1);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    const aStart = aCount ? slice.find((o) => o.kind !== '+')!.a : slice[0]!.a;
    const bStart = bCount ? slice.find((o) => o.kind !== '-')!.b : slice[0]!.b;
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`, ...slice.map((o) => o.kind + o.line));
  }
  return out.join('\n');
}

/** Changed files between two trees, sorted by path as GitHub lists them. */
export function diffTrees(base: Map<string, string>, head: Map<string, string>): FileChange[] {
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  const changes: FileChange[] = [];
  for (const filename of paths) {
    const before = base.get(filename);
    const after = head.get(filename);
    if (before === after) continue;
    const ops = diffLines(lines(before), lines(after));
    changes.push({
      filename,
      status: before === undefined ? 'added' : after === undefined ? 'removed' : 'modified',
      before,
      after,
      additions: ops.filter((o) => o.kind === '+').length,
      deletions: ops.filter((o) => o.kind === '-').length,
      patch: hunks(ops),
    });
  }
  return pairRenames(changes);
}

// An added file with the content of a removed one is that file renamed. Git
// does not pair empty files (every empty file would look like every other).
function pairRenames(changes: FileChange[]): FileChange[] {
  const removed = changes.filter((c) => c.status === 'removed' && c.before);
  const gone = new Set<FileChange>();
  const out = changes.map((c) => {
    if (c.status !== 'added' || !c.after) return c;
    const source = removed.find((r) => !gone.has(r) && r.before === c.after);
    if (!source) return c;
    gone.add(source);
    return { filename: c.filename, status: 'renamed' as const, previousFilename: source.filename, before: c.after, after: c.after, additions: 0, deletions: 0, patch: '' };
  });
  return out.filter((c) => !gone.has(c));
}
