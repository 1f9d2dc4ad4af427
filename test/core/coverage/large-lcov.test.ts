import { describe, expect, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';

/** About 20 MB of tracefile: 5,000 files of 400 lines, every third line missed. */
function largeLcov(): { text: string; covered: number; total: number } {
  const parts: string[] = [];
  let covered = 0;
  let total = 0;
  for (let file = 0; file < 5000; file++) {
    parts.push(`TN:\nSF:packages/module-${file}/src/generated/index-${file}.ts\nFN:1,main\nFNF:1\nFNH:1\nFNDA:1,main\n`);
    let hit = 0;
    for (let line = 1; line <= 400; line++) {
      const hits = line % 3 === 0 ? 0 : line * 7;
      if (hits > 0) hit++;
      parts.push(`DA:${line},${hits}\n`);
    }
    parts.push(`LF:400\nLH:${hit}\nBRF:0\nBRH:0\nend_of_record\n`);
    covered += hit;
    total += 400;
  }
  return { text: parts.join(''), covered, total };
}

describe('a large lcov tracefile', () => {
  it('parses (no timing assertion)', () => {
    const { text, covered, total } = largeLcov();
    expect(text.length).toBeGreaterThan(20_000_000);
    const result = parseCoverageReport(text, 'lcov.info');
    expect(result).toMatchObject({ ok: true, figure: { linesCovered: covered, linesTotal: total } });
  });
});
