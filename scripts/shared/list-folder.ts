import { readdir } from 'node:fs/promises';

/** The names in a folder (recursively when asked); none when the folder does not exist. */
export async function listFolder(path: string, options: { recursive?: boolean } = {}): Promise<string[]> {
  try {
    return await readdir(path, { recursive: options.recursive ?? false, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
