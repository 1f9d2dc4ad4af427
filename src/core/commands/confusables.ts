/**
 * Characters people read as the ASCII ones a command is made of, but that Unicode normalisation (NFKD) leaves
 * alone: the common ones (after Unicode's confusables.txt), enough to tell someone why their "/signoff" did not
 * count, never used to make one count.
 */
const TABLE: Record<string, string> = {
  // Slashes.
  '\u2215': '/', '\u2044': '/', '\u29F8': '/', '\u2571': '/', '\u27CB': '/', '\u1735': '/', '\u30CE': '/', '\u4E3F': '/', '\u3033': '/',
  // Hyphens (in role and check names).
  '\u2010': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u02D7': '-', '\u2043': '-', '\uFE58': '-',
  // Cyrillic.
  '\u0430': 'a', '\u0441': 'c', '\u0435': 'e', '\u04BB': 'h', '\u0456': 'i', '\u0458': 'j', '\u043A': 'k', '\u04CF': 'l', '\u043E': 'o',
  '\u0440': 'p', '\u0455': 's', '\u0501': 'd', '\u051B': 'q', '\u051D': 'w', '\u0445': 'x', '\u0443': 'y', '\u0432': 'b',
  // Greek.
  '\u03B1': 'a', '\u03B5': 'e', '\u03B9': 'i', '\u03BA': 'k', '\u03BD': 'v', '\u03BF': 'o', '\u03C1': 'p', '\u03C5': 'u', '\u03C7': 'x',
  '\u03B3': 'y', '\u03F2': 'c', '\u03F3': 'j',
  // Armenian; Latin letters that are not ASCII; spaces that normalisation keeps.
  '\u0578': 'n', '\u057D': 'u', '\u0585': 'o', '\u0581': 'g', '\u0566': 'q',
  '\u0131': 'i', '\u0237': 'j', '\u0251': 'a', '\u0261': 'g', '\u0269': 'i', '\u026A': 'i',
  '\u1680': ' ', '\u2028': ' ', '\u2029': ' ', '\u2800': ' ',
};

export const CONFUSABLES: ReadonlyMap<string, string> = new Map(Object.entries(TABLE));

/**
 * Invisible characters: format characters (zero-width spaces and joiners, the soft hyphen, bidi controls, the
 * BOM, tag characters), combining marks (a letter with a mark on it is not the ASCII letter) and the Hangul
 * fillers, which render as nothing.
 */
export const INVISIBLE = /^[\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0]$/u;

/** Bidi embeddings, overrides and isolates: they can make a line display as something it is not. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
