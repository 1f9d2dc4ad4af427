import { errorMessage } from '../errors/error-message.ts';
import { parseClover } from './clover.ts';
import { parseCobertura } from './cobertura.ts';
import type { CoverageFormat, CoverageParse } from './coverage-figure.ts';
import { detectFormat } from './detect-format.ts';
import { parseGoCoverprofile } from './go-coverprofile.ts';
import { parseIstanbulSummary } from './istanbul.ts';
import { parseJacoco } from './jacoco.ts';
import { parseLcov } from './lcov.ts';
import { fail } from './make-figure.ts';

const PARSERS: Record<CoverageFormat, (text: string, name: string) => CoverageParse> = {
  lcov: parseLcov,
  cobertura: parseCobertura,
  istanbul: parseIstanbulSummary,
  clover: parseClover,
  jacoco: parseJacoco,
  go: parseGoCoverprofile,
};

/**
 * The line coverage a report file states. The format is read from the content; `fileName`
 * only breaks ties and names the file in messages. Never throws: a report is someone
 * else's output, and whatever is wrong with it must reach the person as a message.
 */
export function parseCoverageReport(text: string, fileName?: string): CoverageParse {
  const name = fileName ?? 'the report';
  if (typeof text !== 'string') return fail(`${name} was not read as text`);
  try {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const detected = detectFormat(body, name, fileName);
    return detected.ok ? PARSERS[detected.format](body, name) : fail(detected.message);
  } catch (error) {
    // A parser bug must not take the whole gate down with it.
    return fail(`${name} could not be read (${errorMessage(error)})`);
  }
}
