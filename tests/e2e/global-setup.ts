import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { requireBuild } from './site.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Serves the built site once for all tests, like Starlight's own e2e: `astro preview` on port 0,
 * its URL handed to the workers as SITE_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  requireBuild();
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  process.env['SITE_URL'] = `http://127.0.0.1:${server.port}`;
  console.log(`e2e: serving dist/ at ${process.env['SITE_URL']}`);
  return () => server.stop();
}
