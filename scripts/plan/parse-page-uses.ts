/**
 * Parses a page's MDX for the build-time components it uses. Kept apart from page-usage.ts and
 * loaded only when a page changed: the MDX parser is a quarter of a second to import.
 */
import type { Program } from 'estree';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import { BuildStepError } from '../shared/build-step-error.ts';
import { messageOf } from '../shared/error-text.ts';

/** One use of a build-time component on a page. */
export interface ComponentUse {
  /** The page's file, relative to the project root, e.g. `src/content/docs/gil.mdx`. */
  page: string;
  /** Line of the element in that file. */
  line: number;
  /** Component name, e.g. `Example`. */
  component: string;
  /** Example ids the element names (its `id` for `<Example>`, `example` attributes and `example:` properties). */
  examples: string[];
  /** Literal string attributes, e.g. `{ id: 'gil-turns', variant: 'spawn' }`. */
  attributes: Record<string, string>;
}

/** The attribute that names an example, per component; other components name one with `example`. */
const EXAMPLE_ATTRIBUTE: Readonly<Record<string, string>> = { Example: 'id' };

/** The component uses of one page's MDX text. `page` names it in results and errors. */
export function componentUses(text: string, page: string): ComponentUse[] {
  // YAML front matter is not MDX: blank it out, keeping line numbers.
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, (frontMatter) => frontMatter.replace(/[^\n]/g, ''));
  let tree;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const place = (error as { line?: number }).line;
    const file = `${page}${place ? `:${place}` : ''}`;
    throw new BuildStepError(`${file}: cannot read the page as MDX: ${messageOf(error)}`, {
      step: 'plan',
      file,
      cause: error,
    });
  }
  const uses: ComponentUse[] = [];
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name) return;
    const attributes: Record<string, string> = {};
    const examples: string[] = [];
    const exampleAttribute = EXAMPLE_ATTRIBUTE[node.name] ?? 'example';
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue;
      if (typeof attribute.value === 'string') {
        attributes[attribute.name] = attribute.value;
        if (attribute.name === exampleAttribute) examples.push(attribute.value);
      } else {
        examples.push(...examplesInExpression(attribute));
      }
    }
    uses.push({ page, line: node.position?.start.line ?? 1, component: node.name, examples, attributes });
  });
  return uses;
}

/** `example: '…'` properties inside an expression attribute, e.g. SpeedupTable's `rows={[…]}`. */
function examplesInExpression(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): string[] {
  const program = (attribute.value as { data?: { estree?: Program | null } } | null)?.data?.estree;
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as { type?: string; key?: { type: string; name?: string; value?: unknown }; value?: { type: string; value?: unknown } };
    const key = node.key?.type === 'Identifier' ? node.key.name : node.key?.value;
    if (node.type === 'Property' && key === 'example' && node.value?.type === 'Literal' && typeof node.value.value === 'string') {
      found.push(node.value.value);
    }
    for (const [field, child] of Object.entries(value)) if (field !== 'loc' && field !== 'range') walk(child);
  };
  walk(program);
  return found;
}
