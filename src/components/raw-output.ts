/**
 * Where an output that pages show with shortened paths is published as printed: one plain-text
 * file per stream, `output/<example>/<interpreter>-<variant>-<stream>.txt` under the site's base,
 * made by src/pages/output/[...file].ts and linked from the note under the shortened output. The
 * pages themselves then hold no path of the machine that built them, and a reader who wants the
 * untouched text is one link away from it.
 */
export interface RawOutput {
  /** The example's id, e.g. `processes-unguarded`. */
  example: string;
  /** The interpreter's label, e.g. `CPython 3.14.8`. */
  interpreter: string;
  /** The variant's name: a start method, or `default`. */
  variant: string;
  stream: 'stdout' | 'stderr';
}

/** The file's path below `output/`, e.g. `processes-unguarded/cpython-3.14.8-default-stderr.txt`. */
export function rawOutputFile({ example, interpreter, variant, stream }: RawOutput): string {
  const slug = interpreter.toLowerCase().replace(/[^a-z0-9.]+/g, '-');
  return `${example}/${slug}-${variant}-${stream}.txt`;
}

