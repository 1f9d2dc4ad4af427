import type { CoverageParse } from './coverage-figure.ts';
import { parseCount, parseDecimal } from './counts.ts';
import { fail, figureOf } from './make-figure.ts';

/**
 * DA: entries in the order read. Kept as parallel arrays, not a Map: most files appear in
 * one record with LF/LH, and then the lines are never looked at (a Map per record made
 * a 20 MB tracefile several times slower).
 */
interface DaLines {
  lines: number[];
  hits: number[];
}

/** What one SF: … end_of_record record says about its file. */
interface RecordState extends DaLines {
  file: string;
  found: number | null;
  hit: number | null;
}

/** Every record for one source file. */
interface FileState {
  records: number;
  /** The records' own figures, summed: used when lines cannot be merged. */
  found: number;
  hit: number;
  /** The first record's lines, until a second record needs them merged. */
  first: DaLines | null;
  /** line → summed hits over every record, or null once a record had no DA: lines. */
  merged: Map<number, number> | null;
}

/**
 * lcov tracefile: the sum of LF/LH over the records, or of DA: lines where a record has no
 * LF/LH. A file in several records (tracefiles concatenated from several test jobs) is
 * merged the way `lcov -a` merges: hits added per line, each line counted once.
 */
export function parseLcov(text: string, name: string): CoverageParse {
  const files = new Map<string, FileState>();
  let record: RecordState | null = null;
  let lineNumber = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const line = (raw.endsWith('\r') ? raw.slice(0, -1) : raw).trim();
    start = end + 1;
    lineNumber++;
    if (line === '') continue;
    // Messages are built only on failure: this loop runs millions of times.
    const at = (): string => `${name} line ${lineNumber}`;
    // An unterminated last line that does not parse is most likely a cut-off write.
    const broken = (message: string): string =>
      end === text.length ? `${name} ends in the middle of line ${lineNumber} (${preview(line)}); the file looks cut off` : message;

    if (line === 'end_of_record') {
      if (!record) return fail(`${at()}: end_of_record without a preceding SF: record`);
      const problem = closeRecord(record, files);
      if (problem) return fail(`${at()}: ${problem}`);
      record = null;
      continue;
    }
    const colon = line.indexOf(':');
    const key = colon < 0 ? '' : line.slice(0, colon);
    if (!/^[A-Za-z_]+$/.test(key)) return fail(broken(`${at()} is not an lcov line (expected KEY:value, e.g. DA:12,1): ${preview(line)}`));
    const value = line.slice(colon + 1);

    if (key === 'SF') {
      if (record) return fail(`${at()}: SF: starts a new record before the record for ${record.file} ended (missing end_of_record)`);
      record = { file: value, found: null, hit: null, lines: [], hits: [] };
    } else if (key === 'DA' || key === 'LF' || key === 'LH') {
      if (!record) return fail(`${at()}: ${key}: outside a record (no SF: line before it)`);
      const problem = key === 'DA' ? addDa(record, value) : setTotal(record, key, value);
      if (problem) return fail(broken(`${at()}: ${problem}`));
    }
    // TN, FN, FNDA, FNF, FNH, BRDA, BRF, BRH and newer keys do not affect line coverage.
  }
  if (record) return fail(`${name} ends inside the record for ${record.file} (no end_of_record); the file looks cut off`);

  let covered = 0;
  let total = 0;
  for (const file of files.values()) {
    if (file.records > 1 && file.merged) {
      total += file.merged.size;
      for (const hits of file.merged.values()) if (hits > 0) covered++;
    } else {
      total += file.found;
      covered += file.hit;
    }
  }
  return figureOf('lcov', covered, total, name);
}

function addDa(record: RecordState, value: string): string | null {
  // DA:<line>,<hits>[,<checksum>]; gcov may write huge or (buggy) negative hit counts.
  const comma = value.indexOf(',');
  const next = comma < 0 ? -1 : value.indexOf(',', comma + 1);
  const line = comma < 0 ? null : parseCount(value.slice(0, comma));
  const hits = comma < 0 ? null : parseDecimal(next < 0 ? value.slice(comma + 1) : value.slice(comma + 1, next));
  if (line === null || hits === null) return `DA: needs <line>,<hits>, got DA:${preview(value)}`;
  record.lines.push(line);
  record.hits.push(hits);
  return null;
}

function setTotal(record: RecordState, key: 'LF' | 'LH', value: string): string | null {
  const count = parseCount(value);
  if (count === null) return `${key}: needs a count, got ${key}:${preview(value)}`;
  if (key === 'LF') record.found = count;
  else record.hit = count;
  return null;
}

function closeRecord(record: RecordState, files: Map<string, FileState>): string | null {
  let found = record.found;
  let hit = record.hit;
  if (found === null || hit === null) {
    const lines = addLines(new Map(), record);
    found = lines.size;
    hit = 0;
    for (const hits of lines.values()) if (hits > 0) hit++;
  }
  if (hit > found) return `the record for ${record.file} says LH:${hit} but LF:${found}`;

  const daLines = record.lines.length > 0 ? { lines: record.lines, hits: record.hits } : null;
  const file = files.get(record.file);
  if (!file) {
    files.set(record.file, { records: 1, found, hit, first: daLines, merged: null });
    return null;
  }
  if (file.records === 1) file.merged = file.first && addLines(new Map(), file.first);
  file.first = null;
  file.records++;
  file.found += found;
  file.hit += hit;
  file.merged = file.merged && daLines && addLines(file.merged, daLines);
  return null;
}

/** Adds hits per line, as `lcov -a` does when it merges tracefiles. */
function addLines(into: Map<number, number>, { lines, hits }: DaLines): Map<number, number> {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? 0;
    into.set(line, (into.get(line) ?? 0) + (hits[i] ?? 0));
  }
  return into;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
