/**
 * The home page's list of topics and its count of exercises cannot drift (src/topics.ts,
 * TopicList.astro, ExerciseCount.astro): the list is the sidebar's pages, each described by its own
 * title and description, and the home page's "what it covers" section types neither a page list nor
 * a count. The checks are functions, tested on broken text first, then run on the real files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { describe, expect, it } from 'vitest';
import { sidebar } from '../../src/sidebar.ts';
import { firstSentence, topicGroups } from '../../src/topics.ts';
import { DOCS, read, ROOT } from '../support/project-files.ts';

type Sidebar = NonNullable<StarlightUserConfig['sidebar']>;

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';

/** The text of a page's section, from its heading to the next `## ` heading. */
function section(mdx: string, id: string): string | undefined {
  const start = mdx.search(new RegExp(`^## .*\\{/\\*\\s*${id}\\s*\\*/\\}\\s*$`, 'm'));
  if (start === -1) return undefined;
  const next = mdx.slice(start + 1).search(/^## /m);
  return mdx.slice(start, next === -1 ? mdx.length : start + 1 + next);
}

/**
 * The home page's "what it covers" against the sidebar: the list must be <TopicList /> (made from the
 * sidebar), the count <ExerciseCount /> (made from src/exercises.ts), and nothing typed beside them
 * that a new page or exercise would leave behind: a link or card to a sidebar page, or a count of
 * exercises.
 */
function homePageProblems(mdx: string, slugs: readonly string[]): string[] {
  const where = `${DOCS}/index.mdx#what-it-covers`;
  const text = section(mdx, 'what-it-covers');
  if (text === undefined) return [`${DOCS}/index.mdx: no section {/* what-it-covers */}.`];
  const problems: string[] = [];
  if (!/<TopicList\s*\/>/.test(text)) problems.push(`${where}: the list of topics must be <TopicList />, made from src/sidebar.ts.`);
  if (/<LinkCard\b|<CardGrid\b/.test(text)) problems.push(`${where}: typed cards; <TopicList /> lists every sidebar page.`);
  const typed = slugs.filter((slug) => new RegExp(`\\]\\(/${slug}/[)#]|href="/${slug}/["#]`).test(text) && slug !== 'exercises');
  if (typed.length > 0) problems.push(`${where}: typed links to ${typed.join(', ')}; <TopicList /> lists every sidebar page.`);
  const count = new RegExp(`\\b(?:\\d+|${NUMBER_WORDS})\\s+(?:\\[)?exercises\\b`, 'i').exec(text);
  if (count) problems.push(`${where}: a typed count, "${count[0]}"; write <ExerciseCount />, the length of src/exercises.ts.`);
  if (!/<ExerciseCount\s*\/>/.test(text)) problems.push(`${where}: the count of exercises must be <ExerciseCount />.`);
  return problems;
}

/** A page's front matter field, as written on one line. */
function frontMatter(mdx: string, field: string): string | undefined {
  const matter = /^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? '';
  return new RegExp(`^${field}: (.+)$`, 'm').exec(matter)?.[1]?.trim();
}

describe('topicGroups', () => {
  it("keeps the sidebar's groups and order, leaves out the home page, and groups loose pages where they stand", () => {
    const fixture: Sidebar = ['index', 'intro', { label: 'A', items: ['one', { slug: 'two' }] }, 'outro'];
    expect(topicGroups(fixture)).toEqual([
      { label: undefined, slugs: ['intro'] },
      { label: 'A', slugs: ['one', 'two'] },
      { label: undefined, slugs: ['outro'] },
    ]);
  });

  it('refuses an entry it could not describe, saying which and where', () => {
    expect(() => topicGroups([{ label: 'Elsewhere', link: 'https://example.org/' }])).toThrow(
      /src\/sidebar\.ts: the home page's list of topics \(src\/topics\.ts\) takes page slugs, or groups of them; it cannot describe \{"label":"Elsewhere"/,
    );
    expect(() => topicGroups([{ label: 'A', items: [{ label: 'B', items: ['x'] }] }])).toThrow(/cannot describe \{"label":"B","items"/);
  });
});

describe('firstSentence', () => {
  it('ends at a full stop before a space, not inside a name or a version', () => {
    expect(firstSentence('concurrent.futures runs pools, from Python 3.14, interpreters. ThreadPoolExecutor and more.')).toBe(
      'concurrent.futures runs pools, from Python 3.14, interpreters.',
    );
    expect(firstSentence('A lock gives mutual exclusion. threading.Lock with the with statement.')).toBe('A lock gives mutual exclusion.');
    expect(firstSentence('One sentence only.')).toBe('One sentence only.');
  });
});

describe('the checks, on broken text', () => {
  const slugs = ['threads', 'gil', 'exercises'];
  const home = (body: string) => `---\ntitle: Overview\n---\n\n## What this reference covers {/* what-it-covers */}\n\n${body}\n\n## Next {/* next */}\n\nthree exercises`;

  it('passes the generated list and count, and names a typed card, link or count', () => {
    expect(homePageProblems(home('<TopicList />\n\nThe [exercises](/exercises/) page holds <ExerciseCount /> exercises.'), slugs)).toEqual([]);
    expect(homePageProblems(home('<CardGrid>\n  <LinkCard title="Threads" href="/threads/" />\n</CardGrid>\n\nAfter the concepts come three [exercises](/exercises/).'), slugs)).toEqual([
      `${DOCS}/index.mdx#what-it-covers: the list of topics must be <TopicList />, made from src/sidebar.ts.`,
      `${DOCS}/index.mdx#what-it-covers: typed cards; <TopicList /> lists every sidebar page.`,
      `${DOCS}/index.mdx#what-it-covers: typed links to threads; <TopicList /> lists every sidebar page.`,
      `${DOCS}/index.mdx#what-it-covers: a typed count, "three [exercises"; write <ExerciseCount />, the length of src/exercises.ts.`,
      `${DOCS}/index.mdx#what-it-covers: the count of exercises must be <ExerciseCount />.`,
    ]);
    expect(homePageProblems(home('<TopicList />\n\nAlso [the GIL](/gil/#taking-turns), and 10 exercises.'), slugs)).toEqual([
      `${DOCS}/index.mdx#what-it-covers: typed links to gil; <TopicList /> lists every sidebar page.`,
      `${DOCS}/index.mdx#what-it-covers: a typed count, "10 exercises"; write <ExerciseCount />, the length of src/exercises.ts.`,
      `${DOCS}/index.mdx#what-it-covers: the count of exercises must be <ExerciseCount />.`,
    ]);
  });
});

describe('the site', () => {
  const groups = topicGroups(sidebar);
  const slugs = groups.flatMap((group) => group.slugs);

  it('lists every page of the sidebar but the home page, each page once', () => {
    const all = sidebar.flatMap((item) => (typeof item === 'object' && 'items' in item ? item.items : [item]));
    expect(slugs).toEqual(all.filter((item) => item !== 'index'));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('describes each listed page by its own title and a first sentence of its description that reads as one', () => {
    const pages = slugs.map((slug) => {
      const path = `${DOCS}/${slug}.mdx`;
      if (!existsSync(join(ROOT, path))) return { slug, problem: `${path} does not exist` };
      const mdx = read(path);
      const title = frontMatter(mdx, 'title');
      const summary = firstSentence(frontMatter(mdx, 'description') ?? '');
      // Short first sentences ("The GIL convoy effect.") say nothing beside the title they follow.
      const problem = !title ? 'no title' : summary.length < 40 ? `first sentence of its description too short for the list: "${summary}"` : undefined;
      return { slug, problem };
    });
    expect(pages.filter((page) => page.problem)).toEqual([]);
  });

  it("the home page's list and count come from the sidebar and the exercises list, with nothing typed beside them", () => {
    expect(homePageProblems(read(`${DOCS}/index.mdx`), slugs)).toEqual([]);
  });
});
