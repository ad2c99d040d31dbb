import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const productName = 'Courier';

/**
 * Where Electron keeps userData for product "Courier", computed without Electron so the CLI
 * and `npm run serve` find the same site as the desktop console.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}

/** --data-dir wins, then COURIER_DATA_DIR, then the desktop app's folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag?.trim() || env.COURIER_DATA_DIR?.trim();
  return chosen ? resolve(chosen) : defaultDataDir(env);
}
