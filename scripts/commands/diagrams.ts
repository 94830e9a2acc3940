/**
 * `npm run diagrams`: runs the site's pipeline (plan, examples, diagrams and measured timelines,
 * from the cache where possible) and prints each diagram's size: to warm the cache or to measure.
 */
import { fileURLToPath } from 'node:url';
import { createSitePipeline } from '../pipeline/site-pipeline.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { diagrams } = await createSitePipeline().data(root, console.log);
for (const [name, entry] of diagrams) {
  console.log(`  ${name.padEnd(40)} light ${entry.light.svg.length} B, dark ${entry.dark.svg.length} B, ${entry.steps.length} steps`);
}
