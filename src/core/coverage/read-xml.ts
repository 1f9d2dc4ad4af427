import { errorMessage } from '../errors/error-message.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element as fast-xml-parser builds it with the options below. */
export type XmlElement = Record<string, unknown>;

export type XmlRead = { ok: true; root: XmlElement; rootName: string } | { ok: false; message: string };

const ATTRIBUTES = '$attrs';

/**
 * Reports are files produced by someone else's CI, so the parser must not expand
 * entities (billion-laughs) and must not choke on DOCTYPE lines (JaCoCo and istanbul's
 * Cobertura both emit one). Every element becomes an array so that "one <package>" and
 * "many <package>s" look alike; values stay text and are read strictly by counts.ts.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ATTRIBUTES,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Parses a whole document, rejecting anything not well-formed (a cut-off file above all). */
export function readXml(text: string, name: string, title: string): XmlRead {
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const { msg, line, col, code } = valid.err;
      // The validator reports elements still open at the end as "Invalid '[...]' found.";
      // a document that stops mid-tag trips over whatever it was cut in.
      const detail = !text.trimEnd().endsWith('>')
        ? 'it ends in the middle of a tag; the file looks cut off'
        : code === 'InvalidXml' && msg.startsWith("Invalid '[")
          ? 'it ends before its elements are closed; the file looks cut off'
          : `line ${line}, column ${col}: ${msg}`;
      return { ok: false, message: `${name} looks like ${title} but is not well-formed XML (${detail})` };
    }
    const document = parser.parse(text) as XmlElement;
    for (const [rootName, value] of Object.entries(document)) {
      const root = Array.isArray(value) ? asElement(value[0]) : undefined;
      if (root) return { ok: true, root, rootName };
    }
    return { ok: false, message: `${name} looks like ${title} but has no root element` };
  } catch (error) {
    return { ok: false, message: `${name} looks like ${title} but could not be read as XML (${errorMessage(error)})` };
  }
}

/** The child elements called `tag`, in document order; text-only children read as empty elements. */
export function children(element: XmlElement, tag: string): XmlElement[] {
  if (!Object.hasOwn(element, tag)) return [];
  const value = element[tag];
  if (!Array.isArray(value)) return [];
  return value.map((child) => asElement(child) ?? {});
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const attrs = Object.hasOwn(element, ATTRIBUTES) ? element[ATTRIBUTES] : undefined;
  if (typeof attrs !== 'object' || attrs === null || !Object.hasOwn(attrs, name)) return undefined;
  const value = (attrs as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function asElement(value: unknown): XmlElement | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as XmlElement;
  // An element with neither attributes nor children comes back as "".
  if (typeof value === 'string') return {};
  return undefined;
}
