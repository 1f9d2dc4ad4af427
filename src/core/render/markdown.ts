/** Text typed by other people, shown as code: it can then neither ping anyone nor inject markup. */
export function code(text: string): string {
  const flat = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    // Invisible and bidi-control characters are shown, so a look-alike command reads as one.
    .replace(/[\p{Cf}\p{Cc}]/gu, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)
    .trim();
  return `\`${flat || ' '}\``;
}

/** A table cell: pipes would split it and newlines would end the table. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Text inside HTML (a `<summary>`), where markdown is not read: the markup characters escaped. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "2026-11-21 09:00 UTC": readable, and stable for the same instant. */
export function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

// Logins are written as links without "@": an @mention in the living comment
// would notify everyone named each time the comment is created.
export function profileLink(login: string): string {
  return `[${login}](https://github.com/${encodeURIComponent(login)})`;
}
