import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACCEPTED, checkHtml, describeProblems, type AcceptedFinding } from '../support/html-validity.ts';
import { builtHtmlFiles, expect, test } from './site.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('every HTML file of dist/ passes html-validate (recommended rules, exceptions only for generated markup)', async () => {
  const used = new Set<AcceptedFinding>();
  for (const file of builtHtmlFiles()) {
    const { problems, used: needed } = await checkHtml(file, readFileSync(`${root}${file}`, 'utf8'));
    for (const entry of needed) used.add(entry);
    expect
      .soft(problems, `${describeProblems(problems)}\nFix the markup that produced it (src/components/, src/pages/, scripts/diagrams/finish-svg.ts). Only markup that Starlight or Expressive Code generate may get an entry, with its reason, in ACCEPTED (tests/support/html-validity.ts).`)
      .toEqual([]);
  }
  const unused = ACCEPTED.filter((entry) => !used.has(entry));
  expect(unused, 'These exceptions match nothing in the built site any more: remove them from ACCEPTED (tests/support/html-validity.ts).').toEqual([]);
});
