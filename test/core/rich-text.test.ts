import { describe, expect, it } from 'vitest';
import { capitalized, code, codes, firstFew, link, plainText, quoted, rich, user, type RichText } from '../../src/core/model/rich-text.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';

describe('rich text', () => {
  it('composes like a template string, adjacent words in one segment', () => {
    expect(rich`${2} failing: ${code('build')}${''}${' · '}${rich`${1} passed`}`).toEqual([
      { kind: 'text', text: '2 failing: ' },
      { kind: 'code', text: 'build' },
      { kind: 'text', text: ' · 1 passed' },
    ]);
  });

  it.each<[string, RichText, string, string]>([
    ['words', rich`waiting for sign-off`, 'waiting for sign-off', 'waiting for sign-off'],
    ['a name', rich`no file matches ${codes(['docs/*.md', 'CHANGELOG.md'])}`, 'no file matches `docs/*.md`, `CHANGELOG.md`', 'no file matches docs/*.md, CHANGELOG.md'],
    ['a link', rich`${link('#1 lodash', 'https://x/1')}`, '[#1 lodash](https://x/1)', '#1 lodash (https://x/1)'],
    ['a link to code', rich`${link('build', 'https://x/2', { code: true })}`, '[`build`](https://x/2)', 'build (https://x/2)'],
    ['a person, never mentioned', rich`ask ${user('alice')}`, 'ask [alice](https://github.com/alice)', 'ask alice'],
    ['text someone typed', rich`${code('a `b`\nc')}`, "`a 'b' c`", 'a `b`\nc'],
    ['a few of many', firstFew(['a', 'b', 'c', 'd'], 2), 'a, b and 2 more', 'a, b and 2 more'],
    ['a sentence', capitalized(rich`the PR does not change ${code('x')}`), 'The PR does not change `x`', 'The PR does not change x'],
  ])('%s: markdown for the comment, plain text for the report', (_name, text, markdown, plain) => {
    expect(toMarkdown(text)).toBe(markdown);
    expect(plainText(text)).toBe(plain);
  });

  it.each<[string, string, RichText]>([
    ['code marked with backticks', 'add `checks: read` to `permissions:`', rich`add ${code('checks: read')} to ${code('permissions:')}`],
    ['no backticks', 'GitHub answered 403', rich`GitHub answered 403`],
    ['an unpaired backtick is a character', 'it says `a` and `b', rich`it says ${code('a')} and \`b`],
  ])('reads messages that mark code with backticks: %s', (_name, message, expected) => {
    expect(quoted(message)).toEqual(expected);
    expect(toMarkdown(quoted(message))).toBe(message);
  });
});
