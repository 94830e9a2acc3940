/**
 * HTML validity of the built site: html-validate's recommended rules on every page. A finding is
 * let through only inside markup that Starlight or Expressive Code generate, or on bytes that an
 * example program printed, each case listed below with its reason. Our own markup (components,
 * diagram SVGs from scripts/diagrams/finish-svg.ts, redirect pages) has no exception.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { HtmlValidate, type ConfigData } from 'html-validate';

/** A finding that is accepted inside (or on) the elements a selector matches, and why. */
export interface AcceptedFinding {
  /** html-validate rule id, e.g. `no-implicit-button-type`. */
  rule: string;
  /** CSS selector (as hast-util-select reads it) of the elements whose markup is not ours. */
  within: string;
  /** Who wrote that markup. */
  source: 'Starlight' | 'Expressive Code' | 'example program';
  reason: string;
}

/** Starlight's <head>: it renders every tag of it, our pages add none. */
const STARLIGHT_HEAD = 'head:has(> meta[name="generator"][content^="Starlight "])';

export const ACCEPTED: readonly AcceptedFinding[] = [
  {
    rule: 'void-style',
    within: STARLIGHT_HEAD,
    source: 'Starlight',
    reason: 'Starlight writes its head tags self-closed (<meta/>); both forms are valid HTML, our pages use <meta>.',
  },
  {
    rule: 'no-raw-characters',
    within: `${STARLIGHT_HEAD} > title`,
    source: 'Starlight',
    reason: 'Starlight writes the site title ("… & Parallelism") into <title> unescaped; a "&" before a space is valid HTML.',
  },
  {
    rule: 'valid-id',
    within: '#_top',
    source: 'Starlight',
    reason: 'The page title is <h1 id="_top">, the target of the "Overview" link of the table of contents; HTML allows any id without spaces.',
  },
  {
    rule: 'unique-landmark',
    within: '.right-sidebar-container',
    source: 'Starlight',
    reason: 'The right sidebar is an unnamed <aside> holding two "On this page" <nav>s, for wide and for narrow screens; CSS shows one at a time.',
  },
  {
    rule: 'no-implicit-button-type',
    within: 'site-search, .sl-menu-button',
    source: 'Starlight',
    reason: 'The search and menu buttons have no type; they sit in no form, so the default "submit" does nothing.',
  },
  {
    rule: 'no-inline-style',
    within: 'site-search > dialog',
    source: 'Starlight',
    reason: 'The search <dialog> carries style="padding:0".',
  },
  {
    rule: 'presentation-role-style',
    within: 'starlight-tabs',
    source: 'Starlight',
    reason: 'Starlight\'s <Tabs> marks the <li> around each tab role="presentation"; html-validate prefers its synonym role="none", which WAI-ARIA 1.2 treats the same.',
  },
  {
    rule: 'element-permitted-content',
    within: '.expressive-code',
    source: 'Expressive Code',
    reason: 'Each code line is a <div> inside <code>, and the copy button holds a <div>; browsers render both as intended.',
  },
  {
    rule: 'text-content',
    within: '.expressive-code .copy',
    source: 'Expressive Code',
    reason: 'The copy button is an icon named by its title, "Copy to clipboard", which html-validate does not count as text.',
  },
  {
    rule: 'no-implicit-button-type',
    within: '.expressive-code .copy',
    source: 'Expressive Code',
    reason: 'The copy button has no type; it sits in no form, so the default "submit" does nothing.',
  },
  {
    rule: 'no-trailing-whitespace',
    within: '.example .stream pre',
    source: 'example program',
    reason: 'What an example printed is shown byte for byte; a Python traceback line such as "RuntimeError: " ends in a space.',
  },
];

/** html-validate's recommended rules, unchanged: the exceptions above are scoped to elements instead. */
const CONFIG: ConfigData = { extends: ['html-validate:recommended'] };

/** One finding html-validate reported and nothing above accepts. */
export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** Where in the page, as html-validate names it (null for findings between elements). */
  selector: string | null;
}

/** Offsets [start, end) of the elements a selector matches in the page. */
function elementRanges(tree: ReturnType<typeof fromHtml>, selector: string): [number, number][] {
  return selectAll(selector, tree).flatMap((element) => {
    const start = element.position?.start.offset;
    const end = element.position?.end.offset;
    return start === undefined || end === undefined ? [] : [[start, end] as [number, number]];
  });
}

/** What one page gets: the findings nothing accepts, and the exceptions it needed. */
export interface HtmlValidity {
  problems: HtmlProblem[];
  /** Entries of `accepted` that covered at least one finding on this page. */
  used: AcceptedFinding[];
}

/** Validates one page against html-validate's recommended rules, less the `accepted` findings. */
export async function checkHtml(file: string, html: string, accepted: readonly AcceptedFinding[] = ACCEPTED): Promise<HtmlValidity> {
  const report = await new HtmlValidate(CONFIG).validateString(html, file);
  const messages = report.results.flatMap((result) => result.messages);
  if (messages.length === 0) return { problems: [], used: [] };
  const tree = fromHtml(html);
  const exceptions = accepted.map((entry) => ({ entry, ranges: elementRanges(tree, entry.within) }));
  const used = new Set<AcceptedFinding>();
  const problems: HtmlProblem[] = [];
  for (const { ruleId, offset, message, line, column, selector } of messages) {
    const covering = exceptions.find(
      ({ entry, ranges }) => entry.rule === ruleId && ranges.some(([start, end]) => offset >= start && offset < end),
    );
    if (covering) used.add(covering.entry);
    else problems.push({ file, line, column, rule: ruleId, message, selector });
  }
  return { problems, used: [...used] };
}

/** `dist/locks/index.html:12:5 prefer-native-element: … (at html > body > …)`, one line per problem. */
export function describeProblems(problems: readonly HtmlProblem[]): string {
  return problems
    .map(({ file, line, column, rule, message, selector }) => `${file}:${line}:${column} ${rule}: ${message}${selector ? ` (at ${selector})` : ''}`)
    .join('\n');
}
