/**
 * A path from the site's root (`/locks/#mutual-exclusion`) as the reader's browser must follow it:
 * under Astro's `base` when the site is served from a sub-path (GitHub project pages). Pages'
 * Markdown gets this from scripts/integrations/rehype-base-path.ts; what a component or a
 * browser script writes itself goes through here.
 */
export function sitePath(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
