import { access, constants } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { findChromium } from '../../../scripts/browser/find-chromium.ts';

test('findChromium returns an executable path, the same one on every call', async () => {
  const path = await findChromium();
  await expect(access(path, constants.X_OK)).resolves.toBeUndefined();
  expect(await findChromium()).toBe(path);
});
