/**
 * `npm run build`: ./build-site.ts, loaded after Node's compile cache is on (as Astro's own CLI
 * does for itself), so a warm build does not strip and compile the build's TypeScript again
 * before Astro starts. Only Node's own modules may be imported here.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./build-site.ts');
