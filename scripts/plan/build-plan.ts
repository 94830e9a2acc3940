/**
 * The build plan: what this build must produce, computed once and handed to everything that
 * produces it (the content loaders, `npm run examples`, the bench). Interpreters are resolved
 * here, once; examples are what pages show; drawings of measurements are what pages ask for. A page that names an
 * example, variant or diagram that does not exist fails here, with its file and line.
 */
import { join } from 'node:path';
import { CACHE_AREAS, cacheDir, type CacheArea } from '../cache/paths.ts';
import { discoverExamples, type ExampleFiles } from '../examples/discover-examples.ts';
import { metricProblem, specBoundProblem } from '../examples/quoted-figures.ts';
import { variantName } from '../examples/spec-schema.ts';
import { configuredInterpreters } from '../interpreters/configured-interpreters.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { listFolder } from '../shared/list-folder.ts';
import type { InterpreterInfo } from '../interpreters/interpreter-info.ts';
import { measuredRequest, requestKey, type MeasuredRequest } from './measured-requests.ts';
import { readComponentUses, type ComponentUse } from './page-usage.ts';

/** Where a project keeps its parts, relative to its root. */
export interface ProjectLayout {
  /**
   * Where the examples and their specs are.
   * @default 'src/examples'
   */
  examplesDir: string;
  /**
   * Where the pages are.
   * @default 'src/content/docs'
   */
  docsDir: string;
  /**
   * Where the Mermaid sources are.
   * @default 'diagrams'
   */
  diagramsDir: string;
}

export const DEFAULT_LAYOUT: ProjectLayout = {
  examplesDir: 'src/examples',
  docsDir: 'src/content/docs',
  diagramsDir: 'diagrams',
};

export interface PlannedExample extends ExampleFiles {
  /** Pages that show it (files relative to the root). */
  pages: string[];
}


export interface BuildPlan {
  /** Project root (absolute). */
  root: string;
  layout: ProjectLayout;
  /** The interpreters every example runs on, resolved, in the order pages show them. */
  interpreters: InterpreterInfo[];
  /** The examples pages show, in id order. */
  examples: PlannedExample[];
  /** Examples no page shows: the site build names them (`unusedWarnings`) and does not run them. */
  unused: ExampleFiles[];
  /** The drawings of measurements pages ask for (timelines, charts), each once. */
  measured: MeasuredRequest[];
  /** Every build-time component use, per page (what the bench and tests follow too). */
  uses: ComponentUse[];
  /** Cache folders, by area. */
  cache: Record<CacheArea, string>;
}

export interface BuildPlanOptions {
  /** Project root (absolute). */
  root: string;
  /**
   * Where the parts live, relative to the root; each part left out is DEFAULT_LAYOUT's.
   * @default DEFAULT_LAYOUT
   */
  layout?: Partial<ProjectLayout>;
  /**
   * Interpreters already resolved (e.g. by a caller that plans twice).
   * @default the configured ones (PYTHONS, or python3 and CPython 3.14)
   */
  interpreters?: InterpreterInfo[];
  /**
   * The environment: PYTHONS, PYCONC_CACHE_DIR, PATH.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv;
  /**
   * Progress lines.
   * @default console.log
   */
  log?: (line: string) => void;
}

export async function createBuildPlan(options: BuildPlanOptions): Promise<BuildPlan> {
  const { root } = options;
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const layout = { ...DEFAULT_LAYOUT, ...options.layout };
  const cache = Object.fromEntries(CACHE_AREAS.map((area) => [area, cacheDir(root, area, env)])) as Record<CacheArea, string>;

  const [discovered, uses, diagramNames, interpreters] = await Promise.all([
    discoverExamples(root, layout.examplesDir, cache.specs),
    readComponentUses(root, join(root, layout.docsDir), cache.pages),
    listFolder(join(root, layout.diagramsDir)).then(
      (files) => new Set(files.filter((file) => file.endsWith('.mmd')).map((file) => file.slice(0, -'.mmd'.length))),
    ),
    options.interpreters ?? configuredInterpreters({ root, env, cacheDirs: cache, log }),
  ]);
  checkUses(uses, discovered, diagramNames, layout);

  const pagesOf = (id: string) => [...new Set(uses.filter((use) => use.examples.includes(id)).map((use) => use.page))];
  const examples = discovered.filter((example) => pagesOf(example.id).length > 0).map((example) => ({ ...example, pages: pagesOf(example.id) }));
  const unused = discovered.filter((example) => pagesOf(example.id).length === 0);
  const measured = new Map<string, MeasuredRequest>();
  for (const use of uses) {
    const example = discovered.find((e) => e.id === use.attributes['example']);
    const request = example && measuredRequest(use, example);
    if (request) measured.set(requestKey(request), request);
  }
  return { root, layout, interpreters, examples, unused, measured: [...measured.values()], uses, cache };
}

/** One warning line per example no page shows, naming its file and the fix. */
export function unusedWarnings(plan: Pick<BuildPlan, 'unused'>): string[] {
  return plan.unused.map(
    (example) =>
      `[plan] warning: ${example.sourceFile} is shown on no page, so the build does not run it. ` +
      `Show it with <Example id="${example.id}" /> or delete it and its spec.`,
  );
}


/** Every example, variant and diagram a page names must exist: one error listing each that does not. */
function checkUses(uses: readonly ComponentUse[], examples: readonly ExampleFiles[], diagrams: ReadonlySet<string>, layout: ProjectLayout): void {
  const problems: string[] = [];
  const known = examples.map((example) => example.id).join(', ');
  for (const use of uses) {
    const where = `${use.page}:${use.line}: <${use.component}>`;
    for (const id of use.examples) {
      const example = examples.find((e) => e.id === id);
      if (!example) {
        problems.push(`${where} names example "${id}", but there is no ${layout.examplesDir}/${id}.py (known: ${known}).`);
        continue;
      }
      const variant = use.attributes['variant'];
      const variants = example.spec.variants.map(variantName);
      if (variant !== undefined && !variants.includes(variant)) {
        problems.push(`${where} asks for variant "${variant}" of ${id}, whose spec has: ${variants.join(', ')}.`);
        continue;
      }
      const figure = quotedFigureProblem(use, example);
      if (figure) problems.push(`${where}: ${figure}`);
    }
    if (use.component === 'Diagram' && use.attributes['name'] !== undefined && !diagrams.has(use.attributes['name'])) {
      problems.push(
        `${where} names diagram "${use.attributes['name']}", but there is no ${layout.diagramsDir}/${use.attributes['name']}.mmd ` +
          `(known: ${[...diagrams].sort().join(', ')}).`,
      );
    }
  }
  if (problems.length > 0) {
    throw new BuildStepError(problems.join('\n'), { step: 'plan', fix: 'correct the name on the page, or add the missing file.' });
  }
}

/**
 * A figure the page quotes from a spec or from the runs that the spec does not have, in words. Only
 * what the page writes as plain strings can be read here; the components check again as they render,
 * with whatever the page passed them.
 */
function quotedFigureProblem(use: ComponentUse, example: ExampleFiles): string | undefined {
  const { variant, check, group, when, bound, format, metric, unit } = use.attributes;
  if (use.component === 'SpecBound' && check !== undefined) {
    return specBoundProblem(example.spec, { example: example.id, variant, check, group, when, bound, format });
  }
  if (use.component === 'MeasuredValue' && metric !== undefined) {
    return metricProblem(example.spec, { example: example.id, variant, metric, unit });
  }
  return undefined;
}

/**
 * The examples a command was asked for by id, from `pool` (all of it when `ids` is empty); an
 * unknown id fails, naming what `pool` has (`where`: which examples those are, e.g. "on any page").
 */
export function selectExamples<T extends { id: string }>(pool: readonly T[], ids: readonly string[], where = ''): T[] {
  const unknown = ids.filter((id) => !pool.some((example) => example.id === id));
  if (unknown.length > 0) {
    throw new Error(`No example named ${unknown.join(', ')}${where ? ` ${where}` : ''}; known: ${pool.map((example) => example.id).join(', ')}`);
  }
  return ids.length > 0 ? pool.filter((example) => ids.includes(example.id)) : [...pool];
}
