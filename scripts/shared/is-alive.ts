/**
 * Whether process `pid` still runs: signal 0 checks without signalling. EPERM means it runs as
 * another user, which still counts: its files are in use.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
