/**
 * The outputs pages show with shortened paths, each stream as printed, as plain text (see
 * src/components/raw-output.ts). Not pages: no search index, no sitemap entry, no anchors.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { interpreterLabel } from '../../../scripts/pipeline/site-data.ts';
import { rawOutputFile } from '../../components/raw-output.ts';

export const getStaticPaths = (async () => {
  const entries = await getCollection('examples');
  return entries.flatMap(({ data }) =>
    data.results.flatMap((result) =>
      result.variants.flatMap((variant) =>
        (['stdout', 'stderr'] as const).flatMap((stream) => {
          const text = variant.shown[stream].raw;
          if (text === undefined) return [];
          const file = rawOutputFile({ example: data.id, interpreter: interpreterLabel(result.interpreter), variant: variant.name, stream });
          return [{ params: { file }, props: { text } }];
        }),
      ),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: string }> = ({ props }) =>
  new Response(props.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
