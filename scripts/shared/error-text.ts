/** How errors and failed processes are read, the same way everywhere. */

/** An error's message, or what was thrown when it is not an Error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first line of a message: what went wrong, without the details under it. */
export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/** What a failed child process wrote to stderr (execFile's error carries it), trimmed. */
export function stderrOf(error: unknown): string {
  return String((error as { stderr?: unknown }).stderr ?? '').trim();
}

/** The lines of a process's output that say something, trimmed. */
export function outputLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
