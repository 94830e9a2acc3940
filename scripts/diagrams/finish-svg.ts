/**
 * Turns a cached Mermaid SVG into the markup a page inlines: ids unique per diagram and variant,
 * role="img" with its accessible name and description, its natural size as width and height
 * (no layout shift; Diagram.astro's CSS fits it to the column) and `data-step` marks on
 * sequence-diagram messages for the step-through script.
 */
import { optimize, type CustomPlugin } from 'svgo';
import { BuildStepError } from '../shared/build-step-error.ts';
import type { RenderedSvg } from './render-diagrams.ts';

export interface FinishedSvg {
  /** Inline SVG markup. */
  svg: string;
  /** Id of the <svg> element. */
  id: string;
  /** Number of messages marked with data-step (sequence diagrams; 0 otherwise). */
  steps: number;
}

/**
 * Mermaid's aria-labelledby/aria-describedby point at <title>/<desc> ids, which prefixIds
 * renames. The width and height attributes carry the natural size (from the viewBox): the
 * browser reserves the space and the aspect ratio from the HTML alone, and Diagram.astro's CSS
 * scales it from there. No inline style: Mermaid's own (a max-width) goes, sizing is the page's job.
 */
function accessibleSizedRoot(idPrefix: string, rendered: RenderedSvg): CustomPlugin {
  return {
    name: 'pyconcAccessibleSizedRoot',
    fn: () => ({
      element: {
        enter(node, parent) {
          if (node.name !== 'svg' || parent.type !== 'root') return;
          node.attributes.role = 'img';
          for (const name of ['aria-labelledby', 'aria-describedby']) {
            const value = node.attributes[name];
            if (value) node.attributes[name] = value.split(/\s+/).map((id) => `${idPrefix}-${id}`).join(' ');
          }
          const width = Math.ceil(rendered.width);
          const height = Math.ceil(rendered.height);
          node.attributes.width = String(width);
          node.attributes.height = String(height);
          delete node.attributes.style;
        },
      },
    }),
  };
}

/**
 * Mermaid draws each message as its text (`text.messageText`) followed by its line or path
 * (`data-et="message"`), in source order: number them so the page can step through them.
 */
function markSteps(counter: { steps: number }): CustomPlugin {
  return {
    name: 'pyconcMarkSteps',
    fn: () => {
      let pendingTexts: { attributes: Record<string, string> }[] = [];
      return {
        element: {
          enter(node) {
            if (node.attributes.class?.split(/\s+/).includes('messageText')) pendingTexts.push(node);
            if (node.attributes['data-et'] !== 'message') return;
            const step = String(counter.steps);
            node.attributes['data-step'] = step;
            for (const text of pendingTexts) text.attributes['data-step'] = step;
            pendingTexts = [];
            counter.steps += 1;
          },
        },
      };
    },
  };
}

/**
 * Every sequence diagram carries Mermaid's actor-shape symbols (the database icon alone is 13 KB
 * of path data) whether or not an actor uses them; drop the ones nothing points to.
 */
function removeUnusedSymbols(svg: string): CustomPlugin {
  const referenced = new Set([...svg.matchAll(/(?:href="#|url\(#)([^")]+)/g)].map((match) => match[1]));
  return {
    name: 'pyconcRemoveUnusedSymbols',
    fn: () => ({
      element: {
        enter(node) {
          node.children = node.children.filter(
            (child) => !(child.type === 'element' && child.name === 'symbol' && !referenced.has(child.attributes.id)),
          );
        },
      },
    }),
  };
}

/** `idPrefix` must be unique on a page, e.g. `diagram-gil-handoff-dark`. */
export function finishSvg(rendered: RenderedSvg, idPrefix: string, origin: string): FinishedSvg {
  const counter = { steps: 0 };
  let svg: string;
  try {
    svg = optimize(rendered.svg, {
      multipass: false,
      plugins: [
        removeUnusedSymbols(rendered.svg),
        { name: 'prefixIds', params: { prefix: idPrefix, delim: '-', prefixClassNames: false } },
        accessibleSizedRoot(idPrefix, rendered),
        markSteps(counter),
        'removeComments',
        'minifyStyles',
      ],
    }).data;
  } catch (error) {
    throw new BuildStepError(`${origin}: post-processing the rendered SVG failed (svgo).`, { step: 'diagrams', file: origin, cause: error });
  }
  const id = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  if (!id) throw new BuildStepError(`${origin}: the rendered SVG has no root id; Mermaid's output changed shape.`, { step: 'diagrams', file: origin });
  return { svg, id, steps: counter.steps };
}
