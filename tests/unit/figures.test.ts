/**
 * Figures in the pages' words cannot drift from their sources. A bound or count that a page says
 * the spec or the build checks is quoted with `<SpecBound>` and a number the runs printed with
 * `<MeasuredValue>` (scripts/examples/quoted-figures.ts): the page shows the spec's or the run's own
 * number, and a quote the spec cannot answer fails the build. This test holds the rest:
 *
 * - every quote on the site names a figure its example's spec has (what the plan checks in a build);
 * - a sentence about what the spec or the build checks types no number of its own, unless the
 *   example itself contains it (its source, or the output its spec expects): a bound typed there
 *   is what drifted before (0.82 for the spec's 0.85, content review S5);
 * - a quote never stands alone on its line, where MDX would end the paragraph before it;
 * - a spec or example source that quotes another example's figure, naming that example on the
 *   line, quotes one that example has.
 *
 * The checks are functions, tested on broken text first, then run on the real files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { discoverExamples } from '../../scripts/examples/discover-examples.ts';
import { describeBound, metricProblem, specBoundProblem, specBounds } from '../../scripts/examples/quoted-figures.ts';
import { readComponentUses } from '../../scripts/plan/page-usage.ts';
import { DOCS, exampleIds, EXAMPLES, lineOf, read, ROOT } from '../support/project-files.ts';

/** Numbers as written in prose, code or YAML (`4,000,000`, `10_000_000`, `0.85`), as canonical strings. */
function numbersIn(text: string): string[] {
  return [...text.replace(/(\d)[_,](?=\d{3}(?!\d))/g, '$1').matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w]*\d)/g)].map((m) => String(Number(m[0])));
}

/** What an example contains itself: the numbers of its source and of the output its spec expects. */
function ownNumbers(id: string): Set<string> {
  const spec = parse(read(`${EXAMPLES}/${id}.spec.yaml`)) as { variants: { expect: object; cases?: { expect: object }[] }[] };
  const outputs = spec.variants
    .flatMap((variant) => [variant.expect, ...(variant.cases ?? []).map((c) => c.expect)])
    .map((expect) => JSON.stringify([(expect as { stdout?: unknown }).stdout, (expect as { stderr?: unknown }).stderr]));
  return new Set([...numbersIn(read(`${EXAMPLES}/${id}.py`)), ...numbersIn(outputs.join('\n'))]);
}

/** A sentence that says what the spec or the build checks. */
const ABOUT_CHECKS = /\b(?:spec|specs|build)\b[^.]*?\b(?:requires?|allows?|expects?|checks?|fails|proves?|holds?)\b/i;
/** A typed number: not a Python version (3.14, 3.13.8) nor a year. */
const TYPED = /(?<![\w.-])(\d[\d,]*(?:\.\d+)?)(?![\w.]*\d)(\s*ms\b)?/g;
const NOT_A_FIGURE = /^(?:3\.\d+(?:\.\d+)?|(?:19|20)\d\d)$/;

/** The page with code, components, link targets and comments blanked out, keeping every offset. */
function proseOf(mdx: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, blank)
    .replace(/^(?:import .*|```[\s\S]*?```|\|.*)$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<[A-Z]\w*(?:\s+\w+(?:="[^"]*"|=\{[^}]*\})?)*\s*\/?>/g, blank)
    .replace(/\]\([^)]*\)/g, (link) => `]${blank(link.slice(1))}`)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
}

/**
 * Typed numbers in sentences about what the spec or the build checks, each of which must be one the
 * section's examples contain themselves (a number of milliseconds may stand for seconds in the
 * source). `examplesOf` gives the numbers an example contains and its bounds, for the message.
 */
function typedFigureProblems(file: string, mdx: string, examplesOf: (id: string) => { numbers: Set<string>; bounds: string[] }): string[] {
  const prose = proseOf(mdx);
  const problems: string[] = [];
  const headings = [...mdx.matchAll(/^#{2,4} .*$/gm)].map((heading) => heading.index);
  const sections = [0, ...headings, mdx.length];
  for (let s = 0; s < sections.length - 1; s += 1) {
    const [start, end] = [sections[s]!, sections[s + 1]!];
    // `<Example id="…">`, any component's `example="…"`, and `example: '…'` in an expression (SpeedupTable's rows).
    const named = /<(?:Example id|[A-Z]\w* example)="([\w-]+)"|\bexample: '([\w-]+)'/g;
    const ids = [...new Set([...mdx.slice(start, end).matchAll(named)].map((m) => (m[1] ?? m[2])!))];
    const own = new Set(ids.flatMap((id) => [...examplesOf(id).numbers]));
    const text = prose.slice(start, end);
    for (const sentence of text.matchAll(/(?:[^.]|\.(?!\s))+(?:\.(?=\s)|$)/g)) {
      if (!ABOUT_CHECKS.test(sentence[0])) continue;
      for (const typed of sentence[0].matchAll(TYPED)) {
        const written = typed[1]!.replace(/,$/, '');
        if (NOT_A_FIGURE.test(written)) continue;
        const value = Number(written.replace(/,/g, ''));
        const forms = typed[2] ? [String(value), String(value / 1000)] : [String(value)];
        if (forms.some((form) => own.has(form))) continue;
        const where = `${file}:${lineOf(mdx, start + sentence.index + typed.index)}`;
        const bounds = ids.flatMap((id) => examplesOf(id).bounds.map((bound) => `${id}: ${bound}`));
        problems.push(
          `${where}: "${written}" is typed in a sentence about what the spec or the build checks, and ` +
            `${ids.length > 0 ? ids.join(', ') : 'no example of the section'} does not contain it; quote the spec's figure with ` +
            `<SpecBound example="…" check="…" /> or the run's with <MeasuredValue>${bounds.length > 0 ? `. The section's specs have:\n  ${bounds.join('\n  ')}` : '.'}`,
        );
      }
    }
  }
  return problems;
}

/** A quote alone on its line: MDX makes it a block of its own, and the paragraph ends before it. */
function aloneOnLineProblems(file: string, mdx: string): string[] {
  return [...mdx.matchAll(/^[ \t]*<(SpecBound|MeasuredValue)\b(?:\s+\w+(?:="[^"]*")?)*\s*\/>[ \t]*$/gm)].map(
    (m) => `${file}:${lineOf(mdx, m.index)}: <${m[1]}> alone on its line ends the paragraph there; keep a word of the sentence on its line.`,
  );
}

/** A line of a spec or source that names another example: its numbers must be that example's. */
function crossQuoteProblems(file: string, text: string, ownId: string, ids: readonly string[], numbersOf: (id: string) => Set<string>): string[] {
  return text.split('\n').flatMap((line, index) => {
    const named = ids.filter((id) => id !== ownId && new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(line));
    return named.flatMap((id) =>
      numbersIn(line.replace(new RegExp(id, 'g'), ''))
        .filter((number) => !numbersOf(id).has(number))
        .map((number) => `${file}:${index + 1}: quotes ${number} beside ${id}, which has no such figure (in its source or spec).`),
    );
  });
}

/** Every number of an example's source and spec, reasons included: what a note about it may quote. */
const allNumbers = (id: string) => new Set([...numbersIn(read(`${EXAMPLES}/${id}.py`)), ...numbersIn(read(`${EXAMPLES}/${id}.spec.yaml`))]);

describe('the checks, on broken text', () => {
  const fixture = (id: string) =>
    ({
      counting: { numbers: new Set(['10000000', '2', '0.05']), bounds: ['check="threads/sequential" when="gilEnabled: true"  (min 0.85, max 1.6)'] },
    })[id] ?? { numbers: new Set<string>(), bounds: [] };

  it("a bound typed where the page says what the spec checks fails, naming line, number and the spec's bounds", () => {
    const page = '## Measured {/* measured */}\n\n<Example id="counting" />\n\nWith the GIL on, the specs hold threads within\n0.82 to 1.6 times the sequential time.\n';
    const problems = typedFigureProblems('a.mdx', page, fixture);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(
      'a.mdx:6: "0.82" is typed in a sentence about what the spec or the build checks, and counting does not contain it; quote the ' +
        'spec\'s figure with <SpecBound example="…" check="…" /> or the run\'s with <MeasuredValue>. The section\'s specs have:\n' +
        '  counting: check="threads/sequential" when="gilEnabled: true"  (min 0.85, max 1.6)',
    );
    expect(problems[1]).toMatch(/^a\.mdx:6: "1\.6" is typed/);
  });

  it("a quoted bound, the program's own numbers, versions and other sentences pass", () => {
    const page =
      '## Measured {/* measured */}\n\n<Example id="counting" />\n\n' +
      'The spec requires <SpecBound example="counting" check="threads/sequential" when="gilEnabled: true" /> times as long, ' +
      'for 2 threads counting down from 10,000,000 with 50 ms waits, on 3.14 and 3.13.8 since 2024. ' +
      'Threads took 0.97 times as long here. `0.5` in code, [a link](/x/#y-2), {/* 0.3 */} are not prose.\n';
    expect(typedFigureProblems('a.mdx', page, fixture)).toEqual([]);
  });

  it('a quote alone on its line fails; one inside a line of the sentence passes', () => {
    expect(aloneOnLineProblems('a.mdx', 'took\n<SpecBound example="x" check="wallSeconds" />\ntimes.\n')).toEqual([
      'a.mdx:2: <SpecBound> alone on its line ends the paragraph there; keep a word of the sentence on its line.',
    ]);
    expect(aloneOnLineProblems('a.mdx', 'took\n<SpecBound example="x" check="wallSeconds" /> times.\n')).toEqual([]);
  });

  it("a figure quoted beside another example's id must be that example's", () => {
    const numbersOf = (id: string) => (id === 'exercise-fibonacci' ? new Set(['0.74', '3']) : new Set<string>());
    const ids = ['exercise-fibonacci', 'gil-cpu-bound'];
    expect(crossQuoteProblems('g.yaml', 'It happened too (0.74 on exercise-fibonacci), when', 'gil-cpu-bound', ids, numbersOf)).toEqual([]);
    expect(crossQuoteProblems('g.yaml', 'reason: x\n  It happened too (0.72 on exercise-fibonacci), when', 'gil-cpu-bound', ids, numbersOf)).toEqual([
      'g.yaml:2: quotes 0.72 beside exercise-fibonacci, which has no such figure (in its source or spec).',
    ]);
    expect(crossQuoteProblems('g.yaml', 'N = 5  # gil-cpu-bound uses 5 too', 'gil-cpu-bound', ids, numbersOf)).toEqual([]);
  });
});

describe('the site', () => {
  const pages = readdirSync(join(ROOT, DOCS)).filter((name) => name.endsWith('.mdx'));

  it("every <SpecBound> and <MeasuredValue> names a figure its example's spec has", async () => {
    const [examples, uses] = await Promise.all([discoverExamples(ROOT, EXAMPLES), readComponentUses(ROOT, join(ROOT, DOCS))]);
    const quotes = uses.filter((use) => use.component === 'SpecBound' || use.component === 'MeasuredValue');
    expect(quotes.length).toBeGreaterThan(30);
    const problems = quotes.flatMap((use) => {
      const example = examples.find((e) => e.id === use.attributes['example']);
      const where = `${use.page}:${use.line}: <${use.component}>`;
      if (!example) return [`${where} names no example.`];
      const { variant, check = '', group, when, bound, format, metric = '', unit } = use.attributes;
      const problem =
        use.component === 'SpecBound'
          ? specBoundProblem(example.spec, { example: example.id, variant, check, group, when, bound, format })
          : metricProblem(example.spec, { example: example.id, variant, metric, unit });
      return problem ? [`${where}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('no page types a figure in a sentence about what the spec or the build checks, and no quote stands alone on its line', async () => {
    const examples = await discoverExamples(ROOT, EXAMPLES);
    const examplesOf = (id: string) => {
      const example = examples.find((e) => e.id === id);
      return { numbers: example ? ownNumbers(id) : new Set<string>(), bounds: example ? specBounds(example.spec).map(describeBound) : [] };
    };
    const problems = pages.flatMap((name) => {
      const mdx = read(`${DOCS}/${name}`);
      return [...typedFigureProblems(`${DOCS}/${name}`, mdx, examplesOf), ...aloneOnLineProblems(`${DOCS}/${name}`, mdx)];
    });
    expect(problems).toEqual([]);
  });

  it("every spec and example source that quotes another example's figure quotes one it has", () => {
    const ids = exampleIds();
    const problems = ids.flatMap((id) =>
      [`${EXAMPLES}/${id}.py`, `${EXAMPLES}/${id}.spec.yaml`].flatMap((file) => crossQuoteProblems(file, read(file), id, ids, allNumbers)),
    );
    expect(problems).toEqual([]);
  });
});
