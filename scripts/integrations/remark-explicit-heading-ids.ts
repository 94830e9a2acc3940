import type { Heading, Root } from 'mdast';
import type { MdxTextExpression } from 'mdast-util-mdx-expression';
import type { VFile } from 'vfile';
// Declares mdast's `data.hProperties`, which remark-rehype copies onto the HTML element.
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

/** `{/* some-id *\/}` as the last thing in a heading: MDX's comment syntax, so MDX still parses it. */
const ID_COMMENT = /^\s*\/\*\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\*\/\s*$/;

/**
 * Gives each `##`–`####` heading the id written after it as an MDX comment,
 * `## Mutual exclusion {/* mutual-exclusion *\/}`, and fails the build for a heading without one.
 * Anchors people cite must not change when a heading's wording does, so they are never derived
 * from the text. The syntax is the one react.dev settled on for MDX 2+.
 */
export function remarkExplicitHeadingIds() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, number>();
    visit(tree, 'heading', (heading: Heading) => {
      if (heading.depth < 2 || heading.depth > 4) return;
      const line = heading.position?.start.line ?? 0;
      const last = heading.children.at(-1) as Heading['children'][number] | MdxTextExpression | undefined;
      const match = last?.type === 'mdxTextExpression' ? ID_COMMENT.exec(last.value) : null;
      if (!match?.[1]) {
        file.fail(
          `Heading on line ${line} has no explicit id. Add one after its text, e.g. ` +
            '`## Mutual exclusion {/* mutual-exclusion */}` (lowercase words joined by hyphens).',
          heading,
          'explicit-heading-ids',
        );
      }
      const id = match[1];
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        file.fail(`Heading id "${id}" on line ${line} is already used on line ${earlier}. Ids must be unique per page.`, heading, 'explicit-heading-ids');
      }
      seen.set(id, line);
      heading.children.pop();
      const text = heading.children.at(-1);
      if (text?.type === 'text') text.value = text.value.trimEnd();
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
