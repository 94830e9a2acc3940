/**
 * Exercise numbers cannot drift (src/exercises.ts). The list is the order of /exercises/: its
 * numbered headings must match it, each exercise's section must show its worked solution, and every
 * "exercise N" typed anywhere a reader sees it (any page's MDX, the examples' sources, which pages
 * show, and the exercise solutions' own specs) must name the exercise the list gives that number.
 * The checks are functions, tested on broken text first, then run on the real files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInWords, exerciseHref, exerciseNumber, exerciseOfExample, exercises } from '../../src/exercises.ts';
import { DOCS, EXAMPLES, exampleIds, lineOf, read, ROOT } from '../support/project-files.ts';

/** `## 5. asyncio: at most four at a time {/* asyncio-limit *\/}` */
const NUMBERED_HEADING = /^## (\d+)\. .*\{\/\*\s*([\w-]+)\s*\*\/\}\s*$/gm;
/** "exercise 5", "Exercise 10", "exercises 4": a typed number. */
const TYPED = /\bexercises?\s+(\d+)/gi;
/** Where a typed number's sentence ends: a full stop before a capital or a line break, or a blank line. */
const SENTENCE_END = /[.!?](?=\s+[A-Z<[]|\s*\n)|\n\s*\n/g;
const EXERCISE_LINK = /\/exercises\/#([\w-]+)/;

/** The exercises page against the list: its numbered headings, in order, and each section's solution. */
function exercisesPageProblems(mdx: string): string[] {
  const problems: string[] = [];
  const headings = [...mdx.matchAll(NUMBERED_HEADING)];
  headings.forEach((heading, index) => {
    const [, number, id] = heading;
    const expected = exercises[index];
    const where = `${DOCS}/exercises.mdx:${lineOf(mdx, heading.index)}`;
    if (!expected) {
      problems.push(`${where}: heading ${number} (${id}) is not in src/exercises.ts, which lists ${exercises.length} exercises.`);
      return;
    }
    if (id !== expected.id || Number(number) !== index + 1) {
      problems.push(`${where}: heading "${number}. … {/* ${id} */}" should be exercise ${index + 1}, "${expected.id}", as in src/exercises.ts.`);
      return;
    }
    const section = mdx.slice(heading.index, headings[index + 1]?.index ?? mdx.length);
    if (!section.includes(`<Example id="${expected.example}"`)) {
      problems.push(`${where}: the section of "${expected.id}" does not show its worked solution <Example id="${expected.example}" />.`);
    }
  });
  if (headings.length < exercises.length) {
    const missing = exercises.slice(headings.length).map((exercise) => exercise.id);
    problems.push(`${DOCS}/exercises.mdx has ${headings.length} numbered headings; src/exercises.ts also lists ${missing.join(', ')}.`);
  }
  return problems;
}

/**
 * A page's typed "exercise N": each must link, in the same sentence, to the exercise that has that
 * number (`[exercise 5](/exercises/#asyncio-limit)`); better, `<ExerciseLink id="…" />` types none.
 */
function pageMentionProblems(file: string, mdx: string): string[] {
  const problems: string[] = [];
  for (const mention of mdx.matchAll(TYPED)) {
    const typed = Number(mention[1]);
    const where = `${file}:${lineOf(mdx, mention.index)}`;
    SENTENCE_END.lastIndex = mention.index + mention[0].length;
    const end = SENTENCE_END.exec(mdx)?.index ?? mdx.length;
    const linked = EXERCISE_LINK.exec(mdx.slice(mention.index, end))?.[1];
    if (linked === undefined) {
      problems.push(`${where}: "${mention[0]}" names no exercise by link; write <ExerciseLink id="…" /> instead, which numbers it from src/exercises.ts.`);
      continue;
    }
    const number = exercises.findIndex((exercise) => exercise.id === linked) + 1;
    if (number !== typed) {
      const actual = number === 0 ? `"${linked}" is no exercise` : `"${linked}" is exercise ${number}`;
      problems.push(`${where}: "${mention[0]}" links to /exercises/#${linked}, but ${actual}; write <ExerciseLink id="${linked}" />.`);
    }
  }
  for (const link of mdx.matchAll(/<ExerciseLink\b[^>]*\bid="([^"]*)"/g)) {
    if (!exercises.some((exercise) => exercise.id === link[1])) {
      problems.push(`${file}:${lineOf(mdx, link.index)}: <ExerciseLink id="${link[1]}" /> names no exercise in src/exercises.ts.`);
    }
  }
  return problems;
}

/** An example's typed "exercise N" (its docstring, which pages show): it must be its own exercise's number. */
function exampleMentionProblems(file: string, text: string, exampleId: string): string[] {
  const own = exerciseOfExample(exampleId);
  return [...text.matchAll(TYPED)].flatMap((mention) => {
    const where = `${file}:${lineOf(text, mention.index)}`;
    if (!own) return [`${where}: "${mention[0]}" in an example that is no exercise's solution; name the exercise instead of its number.`];
    const number = exerciseNumber(own.id);
    return Number(mention[1]) === number ? [] : [`${where}: "${mention[0]}", but ${exampleId} solves exercise ${number} ("${own.id}" in src/exercises.ts).`];
  });
}

describe('src/exercises.ts', () => {
  it('numbers exercises from 1 in list order, links to their headings, and rejects an unknown id by naming the known ones', () => {
    exercises.forEach((exercise, index) => expect(exerciseNumber(exercise.id)).toBe(index + 1));
    expect(exerciseHref('convoy-fixes')).toBe('/exercises/#convoy-fixes');
    expect(() => exerciseNumber('asyncio')).toThrow(new RegExp(`No exercise "asyncio" in src/exercises\\.ts; the exercises are: ${exercises[0].id}, `));
    expect(exerciseOfExample('exercise-philosophers')?.id).toBe('dining-philosophers');
    expect(exerciseOfExample('threads-sleep')).toBeUndefined();
    expect(countInWords(10)).toBe('ten');
    expect(countInWords(13)).toBe('13');
  });

  it('lists each exercise and each solution once, every solution an example that exists', () => {
    expect(new Set(exercises.map((exercise) => exercise.id)).size).toBe(exercises.length);
    expect(new Set(exercises.map((exercise) => exercise.example)).size).toBe(exercises.length);
    const examples = new Set(exampleIds());
    expect(exercises.filter((exercise) => !examples.has(exercise.example))).toEqual([]);
  });
});

describe('the checks, on broken text', () => {
  const page = (headings: [number, string, string][]) =>
    headings.map(([number, id, example]) => `## ${number}. Title {/* ${id} */}\n\n<Example id="${example}" />\n`).join('\n');

  it('a heading out of order, a missing solution and a missing exercise are each named with their line', () => {
    const list = exercises.map((exercise, index): [number, string, string] => [index + 1, exercise.id, exercise.example]);
    expect(exercisesPageProblems(page(list))).toEqual([]);
    const [first, second, ...rest] = list;
    const swapped = page([[1, second![1], second![2]], [2, first![1], first![2]], ...rest]);
    expect(exercisesPageProblems(swapped)).toEqual([
      expect.stringContaining(`exercises.mdx:1: heading "1. … {/* ${second![1]} */}" should be exercise 1, "${first![1]}"`),
      expect.stringContaining(`exercises.mdx:5: heading "2. … {/* ${first![1]} */}" should be exercise 2, "${second![1]}"`),
    ]);
    expect(exercisesPageProblems(page([[1, first![1], 'exercise-other'], ...list.slice(1)]))).toEqual([
      expect.stringContaining(`exercises.mdx:1: the section of "${first![1]}" does not show its worked solution`),
    ]);
    expect(exercisesPageProblems(page(list.slice(0, -1)))).toEqual([
      expect.stringContaining(`has ${list.length - 1} numbered headings; src/exercises.ts also lists ${list.at(-1)![1]}.`),
    ]);
  });

  it('a typed number that disagrees with its link, or has no link, fails; a matching one and <ExerciseLink> pass', () => {
    const asyncio = exerciseNumber('asyncio-limit');
    const convoy = exerciseNumber('convoy-fixes');
    expect(pageMentionProblems('a.mdx', `To practise, [exercise ${asyncio}](/exercises/#asyncio-limit) makes requests.`)).toEqual([]);
    expect(pageMentionProblems('a.mdx', `Intro.\n\nTo practise, [exercise ${asyncio + 1}](/exercises/#asyncio-limit) makes requests.`)).toEqual([
      `a.mdx:3: "exercise ${asyncio + 1}" links to /exercises/#asyncio-limit, but "asyncio-limit" is exercise ${asyncio}; write <ExerciseLink id="asyncio-limit" />.`,
    ]);
    expect(pageMentionProblems('a.mdx', `Exercise ${convoy - 1} [measures it](/exercises/#convoy-fixes): the process.`)).toEqual([
      expect.stringContaining(`a.mdx:1: "Exercise ${convoy - 1}" links to /exercises/#convoy-fixes, but "convoy-fixes" is exercise ${convoy}`),
    ]);
    expect(pageMentionProblems('a.mdx', 'Redo exercise 1 with [asyncio](/asyncio/). See [it](/exercises/#fibonacci).')).toEqual([
      expect.stringMatching(/a\.mdx:1: "exercise 1" names no exercise by link; write <ExerciseLink/),
    ]);
    expect(pageMentionProblems('a.mdx', 'Redo <ExerciseLink id="io-with-threads" /> with asyncio.')).toEqual([]);
    expect(pageMentionProblems('a.mdx', 'Redo <ExerciseLink id="io-threads" /> with asyncio.')).toEqual([
      'a.mdx:1: <ExerciseLink id="io-threads" /> names no exercise in src/exercises.ts.',
    ]);
  });

  it("a docstring's number must be its own exercise's", () => {
    const own = exerciseNumber('dining-philosophers');
    expect(exampleMentionProblems('p.py', `"""Exercise ${own}, worked: philosophers."""`, 'exercise-philosophers')).toEqual([]);
    expect(exampleMentionProblems('p.py', `"""Exercise ${own - 2}, worked: philosophers."""`, 'exercise-philosophers')).toEqual([
      `p.py:1: "Exercise ${own - 2}", but exercise-philosophers solves exercise ${own} ("dining-philosophers" in src/exercises.ts).`,
    ]);
    expect(exampleMentionProblems('t.py', '"""See exercise 2."""', 'threads-sleep')).toEqual([expect.stringMatching(/t\.py:1: "exercise 2" in an example that is no exercise's solution/)]);
  });
});

describe('the site', () => {
  it("/exercises/ numbers its headings in the list's order, each section showing its solution", () => {
    expect(exercisesPageProblems(read(`${DOCS}/exercises.mdx`))).toEqual([]);
  });

  it('every page quotes exercise numbers that agree with the list', () => {
    const pages = readdirSync(join(ROOT, DOCS)).filter((name) => name.endsWith('.mdx'));
    expect(pages.flatMap((name) => pageMentionProblems(`${DOCS}/${name}`, read(`${DOCS}/${name}`)))).toEqual([]);
  });

  it("every example's source, and every exercise solution's spec, quotes its own exercise's number", () => {
    // Other specs are not shown on any page (their reasons are notes for whoever edits the bounds).
    const files = readdirSync(join(ROOT, EXAMPLES)).filter(
      (name) => name.endsWith('.py') || (name.endsWith('.spec.yaml') && exerciseOfExample(name.slice(0, -'.spec.yaml'.length))),
    );
    expect(files.length).toBeGreaterThan(exercises.length);
    const id = (name: string) => name.replace(/\.(py|spec\.yaml)$/, '');
    expect(files.flatMap((name) => exampleMentionProblems(`${EXAMPLES}/${name}`, read(`${EXAMPLES}/${name}`), id(name)))).toEqual([]);
  });
});
