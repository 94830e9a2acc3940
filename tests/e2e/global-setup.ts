import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Serves the built site once for all tests, like Starlight's own e2e: `astro preview` on port 0,
 * its URL handed to the workers as SITE_URL. The tests check what `npm run build` published, so
 * they never build the site themselves.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error('e2e: dist/index.html not found: the e2e tests run against the built site. Run `npm run build` first.');
  }
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  process.env['SITE_URL'] = `http://127.0.0.1:${server.port}`;
  console.log(`e2e: serving dist/ at ${process.env['SITE_URL']}`);
  return () => server.stop();
}
