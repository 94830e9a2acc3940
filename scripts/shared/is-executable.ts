import { access, constants } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/** Whether `path` exists and this process may execute it. */
export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on `env.PATH` that is executable, as a shell would find it, or undefined. */
export async function searchPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (isAbsolute(dir) && (await isExecutable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}
