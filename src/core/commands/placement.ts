/**
 * Where a command stood in its comment. Only 'line' may ever count.
 *
 * - 'line': the command begins a line (after at most three spaces) of a paragraph at the top level
 *   of the comment, in plain text, and is typed exactly, in ASCII.
 * - 'quote', 'code', 'list': inside a block quote, code (fenced, indented or inline), or a list item.
 * - 'html': inside an HTML comment or block, or after HTML that opened an element and did not close
 *   it (`<del>`, `<sub>`…), so it renders inside it.
 * - 'details': after a `<details>` that is not yet closed: collapsed.
 * - 'mid-line': not plain text at the start of a line as GitHub renders it: after other text, inside
 *   emphasis or a link, in a heading, a table row, a footnote or strikethrough, or a link definition.
 * - 'look-alike': reads as a command at the start of a line but is not one: look-alike or invisible
 *   characters, a markdown escape, or bidi controls.
 */
export type CommandPlacement = 'line' | 'quote' | 'code' | 'html' | 'details' | 'list' | 'mid-line' | 'look-alike';

