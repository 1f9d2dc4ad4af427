export type TimeZoneParse = { ok: true; zone: string } | { ok: false; message: string };

const EXAMPLES = '`Europe/Berlin`, `America/New_York` or `UTC`';

/** The zones this runtime knows, by lower-case name, in their usual spelling. */
let knownZones: Map<string, string> | undefined;
function zonesByLowerName(): Map<string, string> {
  knownZones ??= new Map([...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]));
  return knownZones;
}

/** Levenshtein distance, for suggesting the zone a typo meant. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

function closestZone(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { zone: string; distance: number } | undefined;
  for (const [key, zone] of zonesByLowerName()) {
    const distance = editDistance(lower, key);
    if (distance <= 3 && (!best || distance < best.distance)) best = { zone, distance };
  }
  return best?.zone;
}

function accepted(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone name the runtime's Intl knows (`Europe/Berlin`, `America/New_York`, `UTC`,
 * links such as `Asia/Calcutta` too), any case, returned in its usual spelling. Fixed offsets
 * such as `+01:00` are refused although Intl takes them: they do not follow daylight saving
 * time, which is almost never what a release window means.
 */
export function parseTimeZone(name: string): TimeZoneParse {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, message: `missing time zone: use an IANA name such as ${EXAMPLES}` };
  if (/^[+\-\u2212]\d/.test(trimmed)) {
    return { ok: false, message: `\`${trimmed}\` is a fixed offset, not a time zone: use an IANA name such as ${EXAMPLES}, which follows daylight saving time` };
  }
  if (!accepted(trimmed)) {
    const suggestion = closestZone(trimmed);
    const hint = suggestion ? `did you mean \`${suggestion}\`?` : `use an IANA name such as ${EXAMPLES}`;
    return { ok: false, message: `unknown time zone \`${trimmed}\`: ${hint}` };
  }
  return { ok: true, zone: zonesByLowerName().get(trimmed.toLowerCase()) ?? trimmed };
}
