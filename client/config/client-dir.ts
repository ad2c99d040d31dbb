import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The client's folder when neither --client-dir nor COURIER_CLIENT_DIR names one: under
 * %ProgramData% on Windows (where the suite keeps its client's data too), else the user's data folder.
 */
export function defaultClientDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Courier', 'Client');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'courier-client');
}

export function clientDirOf(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given !== undefined && given !== '') return given;
  const fromEnv = env.COURIER_CLIENT_DIR;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultClientDir(env);
}
