import type { CoverageFormat } from './coverage-figure.ts';
import { ALL_FORMATS_PHRASE } from './format-names.ts';
import { sniffXmlRoot } from './xml-root.ts';

export type Detection = { ok: true; format: CoverageFormat } | { ok: false; message: string };

/** Record prefixes lcov writers emit (geninfo, c8/nyc, grcov, coverage.py, lcov 2.x). */
const LCOV_LINE = /^(?:TN|SF|VER|FN|FNDA|FNF|FNH|FNL|FNA|DA|LF|LH|BRDA|BRF|BRH):|^end_of_record$/;
const GO_BLOCK = /^.+:\d+\.\d+,\d+\.\d+ \d+ \d+$/;
const SNIFF_CHARS = 8192;

/**
 * Decides the format from the content. The file name is only a hint, used when the content
 * is ambiguous (a bare <coverage> root) and to word the message when nothing matches:
 * people do name an lcov file coverage.xml, and the content must win.
 */
export function detectFormat(text: string, name: string, fileName?: string): Detection {
  const head = text.slice(0, SNIFF_CHARS);
  if (head.trim() === '') return { ok: false, message: `${name} is empty; the step that writes it may have failed or found no tests` };
  const binary = binaryKind(head);
  if (binary) return { ok: false, message: `${name} is ${binary}, not a text coverage report (expected ${ALL_FORMATS_PHRASE})` };

  const start = head.trimStart();
  if (start.startsWith('<')) return detectXml(text, name, fileName);
  if (start.startsWith('{') || start.startsWith('[')) return { ok: true, format: 'istanbul' };

  const firstLine = start.slice(0, start.search(/\r?\n|$/)).trim();
  if (firstLine.startsWith('mode:') || GO_BLOCK.test(firstLine)) return { ok: true, format: 'go' };
  if (LCOV_LINE.test(firstLine)) return { ok: true, format: 'lcov' };
  return unrecognised(name, fileName);
}

function detectXml(text: string, name: string, fileName: string | undefined): Detection {
  const root = sniffXmlRoot(text.slice(0, SNIFF_CHARS * 8));
  if (root.doctype === 'html' || root.name?.toLowerCase() === 'html') {
    return {
      ok: false,
      message: `${name} is an HTML page, not a coverage report: point the check at the machine-readable report (for example lcov.info or coverage.xml), not the HTML report or a download error page`,
    };
  }
  if (root.name === 'report') return { ok: true, format: 'jacoco' };
  if (root.name === 'coverage') return { ok: true, format: coverageRootFormat(root.startTag, root.firstChild, fileName) };
  if (root.name === null) return { ok: false, message: `${name} starts like XML but has no root element; the file looks cut off` };
  return {
    ok: false,
    message: `${name} is XML with root <${root.name}>, which is not a coverage report format this check reads (expected ${ALL_FORMATS_PHRASE})`,
  };
}

/** Cobertura and Clover both use a <coverage> root. */
function coverageRootFormat(startTag: string, firstChild: string | null, fileName: string | undefined): CoverageFormat {
  if (/\sclover\s*=/.test(startTag) || firstChild === 'project') return 'clover';
  if (/\s(?:line-rate|lines-valid|lines-covered)\s*=/.test(startTag) || firstChild === 'sources' || firstChild === 'packages') return 'cobertura';
  return fileName !== undefined && /clover/i.test(fileName) ? 'clover' : 'cobertura';
}

function binaryKind(head: string): string | null {
  // Magic numbers survive UTF-8 decoding as their ASCII bytes (or U+FFFD for the rest).
  if (head.charCodeAt(0) === 0x1f && (head[1] === '\x8b' || head[1] === '\uFFFD')) return 'gzip-compressed (decompress it first)';
  if (head.startsWith('PK\x03\x04')) return 'a zip archive (extract the report from it first)';
  if (head.includes('\0')) return 'binary data';
  const replaced = head.match(/\uFFFD/g)?.length ?? 0;
  return replaced > 8 && replaced > head.length / 100 ? 'binary data' : null;
}

function unrecognised(name: string, fileName: string | undefined): Detection {
  const hint = fileName !== undefined && hintedFormat(fileName);
  const named = hint ? `; its name suggests ${hint}, but the content is not` : '';
  return { ok: false, message: `could not recognise the coverage report format of ${name} (expected ${ALL_FORMATS_PHRASE})${named}` };
}

function hintedFormat(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (base.endsWith('.info') || base.includes('lcov')) return 'lcov';
  if (base.includes('clover')) return 'Clover XML';
  if (base.includes('jacoco')) return 'JaCoCo XML';
  if (base.endsWith('.xml')) return 'Cobertura XML';
  if (base.endsWith('.json')) return 'Istanbul json-summary';
  if (base.endsWith('.out') || base.includes('coverprofile') || base.endsWith('.cov')) return 'a Go coverprofile';
  return null;
}
