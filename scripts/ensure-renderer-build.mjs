// Shared by serve.mjs and start-electron.mjs: rebuild dist/renderer only when a source is newer,
// so a second `npm run serve` starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(repoRoot, 'dist', 'renderer', 'index.html');
const viteConfig = join(repoRoot, 'renderer', 'vite.config.ts');
const sourceDirs = [join(repoRoot, 'renderer'), join(repoRoot, 'core', 'api')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererBuildIsStale() {
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return sourceDirs.some((dir) => existsSync(dir) && newestMtime(dir) > builtAt);
}

/** Returns true when dist/renderer is usable (built now or already up to date). */
export function ensureRendererBuild({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!rendererBuildIsStale()) return true;
  if (!existsSync(viteConfig)) {
    log('renderer/vite.config.ts is missing, so the console cannot be built yet; using what is there.');
    return true;
  }
  log(existsSync(builtIndex) ? 'The console sources changed; rebuilding dist/renderer …' : 'Building the console (dist/renderer) …');
  // vite's exports map hides bin/, so find the package and take its bin from there.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    log('Building the console failed (see the messages above).');
    return false;
  }
  return true;
}
