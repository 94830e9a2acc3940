/**
 * The exercises of /exercises/, in the order that page numbers them: an exercise's number is
 * its place in this list, counted from 1. Pages quote a number only through
 * `<ExerciseLink id="…" />`, which reads it from here, and tests/unit/exercises.test.ts
 * fails when the page's numbered headings, a worked solution's docstring or any page's typed
 * "exercise N" disagree with this order.
 *
 * To add, remove or reorder exercises: change this list and the numbered `## N. Title`
 * headings of src/content/docs/exercises.mdx together (the test names every heading that no
 * longer matches). Heading ids are permanent anchors: keep them.
 */
export interface Exercise {
  /** Heading id of the exercise on /exercises/: a permanent anchor, never renamed. */
  readonly id: string;
  /** Id of its worked solution in src/examples/ (`<id>.py`), shown in the exercise's section. */
  readonly example: string;
}

export const exercises = [
  { id: 'io-with-threads', example: 'exercise-io-threads' },
  { id: 'processes-and-threads', example: 'exercise-processes-threads' },
  { id: 'fibonacci', example: 'exercise-fibonacci' },
  { id: 'fail-fast', example: 'exercise-fail-fast' },
  { id: 'asyncio-limit', example: 'exercise-asyncio-limit' },
  { id: 'dining-philosophers', example: 'exercise-philosophers' },
  { id: 'crashed-worker', example: 'exercise-crashed-worker' },
  { id: 'connect-once', example: 'exercise-connect-once' },
  { id: 'choose-executor', example: 'exercise-choose-executor' },
  { id: 'convoy-fixes', example: 'exercise-convoy-fixes' },
] as const satisfies readonly Exercise[];

/** An exercise's heading id, e.g. `asyncio-limit`. */
export type ExerciseId = (typeof exercises)[number]['id'];

/** Where an exercise is: its heading on /exercises/ (the id's type admits only listed exercises). */
export function exerciseHref(id: ExerciseId): string {
  return `/exercises/#${id}`;
}

/** The number /exercises/ gives an exercise (1 for the first); throws for an unknown id. */
export function exerciseNumber(id: string): number {
  const index = exercises.findIndex((exercise) => exercise.id === id);
  if (index === -1) {
    const known = exercises.map((exercise) => exercise.id).join(', ');
    throw new Error(`No exercise "${id}" in src/exercises.ts; the exercises are: ${known}.`);
  }
  return index + 1;
}

/** The exercise whose worked solution is `src/examples/<example>.py`, if any. */
export function exerciseOfExample(example: string): Exercise | undefined {
  return exercises.find((exercise) => exercise.example === example);
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count as prose writes it: words up to twelve, digits above. */
export function countInWords(count: number): string {
  return WORDS[count] ?? String(count);
}
