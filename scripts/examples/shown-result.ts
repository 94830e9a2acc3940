/**
 * The page-facing form of a cached result: each variant keeps only the run pages show, its
 * streams with machine paths shortened (./shorten-paths.ts) and, where that changed them, the
 * text as printed beside. Done when results become page entries, not when they run: the cache
 * keeps what happened, and a change to the shortening needs no example to run again.
 */
import type { CapturedOutput, ExampleResult, ExampleRun, Placeholder, RunPaths, ShownOutput, ShownResult, ShownRun } from './result-schema.ts';
import { machinePaths, pathShortener } from './shorten-paths.ts';

/** `run` as a page shows it. */
export function toShownRun({ workDir, stdout, stderr, ...run }: ExampleRun, paths: RunPaths): ShownRun {
  const shortenPaths = pathShortener(machinePaths(paths, workDir));
  const used = new Map<string, Placeholder>();
  const shorten = (output: CapturedOutput): ShownOutput => {
    const shortened = shortenPaths(output.text);
    for (const placeholder of shortened.used) used.set(placeholder.text, placeholder);
    return shortened.text === output.text ? output : { ...output, text: shortened.text, raw: output.text };
  };
  const shown = { stdout: shorten(stdout), stderr: shorten(stderr) };
  return { ...run, ...shown, placeholders: [...used.values()] };
}

/** A shown stream's text as the program printed it, machine paths and all. */
export function printedText(output: ShownOutput): string {
  return output.raw ?? output.text;
}

export function toShownResult({ variants, paths, ...facts }: ExampleResult): ShownResult {
  return {
    ...facts,
    variants: variants.map(({ runs, shownRun, ...variant }) => ({ ...variant, shown: toShownRun(runs[shownRun]!, paths) })),
  };
}
