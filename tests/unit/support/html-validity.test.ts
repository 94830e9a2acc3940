import { describe, expect, test } from 'vitest';
import { ACCEPTED, checkHtml, describeProblems, type AcceptedFinding } from '../../support/html-validity.ts';

/** A complete, valid page around `body`. */
const page = (body: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head><title>Fixture</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

const copyButton = '<button title="Copy to clipboard"></button>';
const expressiveCode = `<div class="expressive-code"><div class="copy">${copyButton}</div></div>`;

describe('checkHtml', () => {
  test('a valid page has no problem and needs no exception', async () => {
    expect(await checkHtml('valid.html', page('<main><h1>Title</h1><p>Text</p></main>'))).toEqual({ problems: [], used: [] });
  });

  test('reports a finding in our own markup with file, line, column and rule', async () => {
    const { problems } = await checkHtml('dist/ours/index.html', page(`<main>\n  ${copyButton}\n</main>`));
    expect(problems.map(({ file, line, column, rule }) => ({ file, line, column, rule }))).toEqual([
      { file: 'dist/ours/index.html', line: 6, column: 4, rule: 'no-implicit-button-type' },
      { file: 'dist/ours/index.html', line: 6, column: 4, rule: 'text-content' },
    ]);
  });

  test('accepts the same markup inside Expressive Code, and says which exceptions it used', async () => {
    const { problems, used } = await checkHtml('ec.html', page(`<main>${expressiveCode}</main>`));
    expect(problems).toEqual([]);
    expect(used.map(({ rule, within }) => `${rule} within ${within}`).sort()).toEqual([
      'no-implicit-button-type within .expressive-code .copy',
      'text-content within .expressive-code .copy',
    ]);
  });

  test('an exception covers only its own rule', async () => {
    const { problems } = await checkHtml('ec.html', page(`<main><div class="expressive-code"><p style="color:red">x</p></div></main>`));
    expect(problems.map((problem) => problem.rule)).toEqual(['no-inline-style']);
  });

  test('finds generated markup after non-ASCII text (offsets agree between the two parsers)', async () => {
    // 100 characters outside the BMP: 200 UTF-16 code units, more than the generated markup is long.
    const { problems } = await checkHtml('ec.html', page(`<main><p>Threads – “GIL” … ${'🐍'.repeat(100)}</p>${expressiveCode}</main>`));
    expect(problems).toEqual([]);
  });

  test('trailing whitespace is accepted in example output and reported anywhere else', async () => {
    const output = '<figure class="example"><div class="stream stderr"><pre><code>RuntimeError: \nmore</code></pre></div></figure>';
    expect((await checkHtml('output.html', page(`<main>${output}</main>`))).problems).toEqual([]);
    const { problems } = await checkHtml('prose.html', page('<main><p>Trailing \nspace</p></main>'));
    expect(problems.map(({ line, rule }) => ({ line, rule }))).toEqual([{ line: 5, rule: 'no-trailing-whitespace' }]);
  });

  test('takes its exceptions as an argument: none at all reports the generated markup too', async () => {
    const none: readonly AcceptedFinding[] = [];
    const { problems } = await checkHtml('ec.html', page(`<main>${expressiveCode}</main>`), none);
    expect(problems.map((problem) => problem.rule).sort()).toEqual(['no-implicit-button-type', 'text-content']);
  });

  test('every exception names its source and gives a reason', () => {
    for (const entry of ACCEPTED) expect(entry.reason.length, `${entry.rule} within ${entry.within}`).toBeGreaterThan(20);
  });
});

describe('describeProblems', () => {
  test('one line per problem: file:line:column rule: message (at selector)', () => {
    const text = describeProblems([
      { file: 'dist/a/index.html', line: 3, column: 7, rule: 'prefer-native-element', message: 'Prefer <section>', selector: 'main > div' },
      { file: 'dist/a/index.html', line: 9, column: 1, rule: 'no-trailing-whitespace', message: 'Trailing whitespace', selector: null },
    ]);
    expect(text).toBe(
      'dist/a/index.html:3:7 prefer-native-element: Prefer <section> (at main > div)\ndist/a/index.html:9:1 no-trailing-whitespace: Trailing whitespace',
    );
  });
});
