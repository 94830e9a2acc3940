/**
 * `npm run canary [-- --python <command or path> ...] [id ...]`: what the next CPython will do to
 * the site, before it is pinned. Runs every example a page shows (or those named) once per variant
 * on the newest CPython and compares each with the pinned interpreters' result (package.json
 * `config.pythons`, or PYTHONS; the newest of them is the reference): exit status, standard error's
 * messages, and whether the spec's expectation still holds (compare-behaviour.ts). Prints every
 * example variant that behaves differently and exits 1 when one does, 0 when none does.
 *
 * The newest CPython is, without `--python`, the highest `python3.X` Debian `unstable` ships,
 * obtained like the pinned ones into the `python` cache area's `unstable/` folder. Nothing is
 * published and nothing is added to the examples cache: dist/ and the pinned results stay as
 * they are. With GITHUB_STEP_SUMMARY set (GitHub Actions) the report also goes there, as Markdown.
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { behaviourDifferences, behaviourOf } from '../examples/compare-behaviour.ts';
import { judgeExamples, runExamples } from '../examples/run-examples.ts';
import { printedText } from '../examples/shown-result.ts';
import { findInterpreter } from '../interpreters/find-interpreter.ts';
import { interpreterLabel, newestInterpreter, type InterpreterInfo } from '../interpreters/interpreter-info.ts';
import { newestDebianPython, obtainDebianPython } from '../interpreters/obtain-debian-python.ts';
import { createBuildPlan, selectExamples, type BuildPlan } from '../plan/build-plan.ts';
import { messageOf } from '../shared/error-text.ts';

// Exit through process.exit so that running example process groups are killed too.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const NEWEST_SUITE = 'unstable';

interface Difference {
  id: string;
  variant: string;
  newest: string;
  pinned: string;
  lines: string[];
}

const { values, positionals } = parseArgs({
  options: { python: { type: 'string', multiple: true, default: [] } },
  allowPositionals: true,
});
const env = process.env;
const log = (line: string) => console.log(line);

try {
  // npm runs scripts in the project's root.
  const plan = await createBuildPlan({ root: process.cwd(), env, log });
  const examples = selectExamples(plan.examples, positionals, 'on any page');
  const newest = await newestInterpreters(plan, values.python);
  log(`[canary] pinned: ${plan.interpreters.map(interpreterLabel).join(', ')}; newest: ${newest.map(interpreterLabel).join(', ')}`);
  // The pinned results as a build has them (cached, or run now without being kept).
  const pinned = await runExamples({ examples, interpreters: plan.interpreters, cacheDir: plan.cache.examples, env, log, store: false });
  const differences: Difference[] = [];
  for (const interpreter of newest) {
    for (const { example, variants } of await judgeExamples({ examples, interpreter, env, log })) {
      // The pinned result to compare with: the newest interpreter's.
      const results = pinned.entries.find((entry) => entry.id === example.id)?.results ?? [];
      const newestPinned = newestInterpreter(results.map((result) => result.interpreter));
      const reference = results.find((result) => result.interpreter === newestPinned);
      if (!reference) {
        log(`[canary] ${example.id}: no pinned interpreter runs it (its spec requires ${example.spec.requires?.reason ?? '?'}); nothing to compare`);
        continue;
      }
      for (const judged of variants) {
        const shown = reference.variants.find((variant) => variant.name === judged.name);
        if (!shown) continue;
        const lines = behaviourDifferences(
          // The text as printed, like the run it is compared with (pages show it shortened).
          behaviourOf({ ...shown.shown, stderr: { text: printedText(shown.shown.stderr) } }, [], shown.expectation?.when),
          behaviourOf(judged.run, judged.problems, judged.expectation?.when),
        );
        if (lines.length > 0) {
          differences.push({ id: example.id, variant: judged.name, newest: interpreterLabel(interpreter), pinned: interpreterLabel(reference.interpreter), lines });
        }
      }
    }
  }
  await report(differences, examples.length, newest);
  process.exitCode = differences.length > 0 ? 1 : 0;
} catch (error) {
  console.error(messageOf(error));
  process.exitCode = 2;
}

/** The interpreters named with --python, else the newest CPython of Debian unstable (obtained once). */
async function newestInterpreters(plan: BuildPlan, named: readonly string[]): Promise<InterpreterInfo[]> {
  if (named.length > 0) return Promise.all(named.map((command) => findInterpreter(command, plan.cache.interpreters, env)));
  const cacheDir = join(plan.cache.python, NEWEST_SUITE);
  const version = await newestDebianPython({ suite: NEWEST_SUITE, workDir: join(cacheDir, 'apt'), log });
  const path = await obtainDebianPython({ version, cacheDir, suites: [NEWEST_SUITE], log });
  return [{ ...(await findInterpreter(path, plan.cache.interpreters, env)), requested: `python${version} (Debian ${NEWEST_SUITE})` }];
}

async function report(differences: readonly Difference[], examples: number, newest: readonly InterpreterInfo[]): Promise<void> {
  const on = newest.map(interpreterLabel).join(', ');
  const verdict =
    differences.length === 0
      ? `[canary] all ${examples} examples behave on ${on} as on the pinned interpreters`
      : `[canary] ${differences.length} example variant(s) behave differently on ${on}:`;
  console.log(verdict);
  for (const d of differences) {
    console.log(`- ${d.id} (${d.variant}) on ${d.newest}, compared with ${d.pinned}:`);
    for (const line of d.lines) console.log(`    ${line}`);
  }
  const summary = env['GITHUB_STEP_SUMMARY'];
  if (!summary) return;
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const table = [
    '| Example | Variant | Newest | Pinned | What differs |',
    '| --- | --- | --- | --- | --- |',
    ...differences.map((d) => `| ${d.id} | ${d.variant} | ${d.newest} | ${d.pinned} | ${d.lines.map(cell).join('<br>')} |`),
  ];
  await appendFile(summary, `## Canary: ${on}\n\n${verdict.replace('[canary] ', '')}\n\n${differences.length > 0 ? `${table.join('\n')}\n` : ''}`);
}
