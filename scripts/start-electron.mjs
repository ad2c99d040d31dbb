// npm start: builds what is out of date, then opens the desktop console. Where the Electron
// binary cannot be had (no download possible), it says so in plain words and points to the
// browser console instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildElectron } from './build-electron.mjs';
import { ensureRendererBuild, repoRoot } from './ensure-renderer-build.mjs';

const require = createRequire(import.meta.url);

function unavailable(reason) {
  process.stderr.write(
    `The Electron binary is not available on this machine (${reason}).\n` +
      'Run the same console in a browser instead: npm run serve\n',
  );
  process.exit(1);
}

/**
 * The electron package downloads its binary the first time it is required. Doing that here,
 * quietly and with a time limit, keeps a failed download from printing its stack trace.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    unavailable('the electron package is not installed');
  }
  const pathFile = join(packageDir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (!installed()) {
    process.stderr.write('Fetching the Electron binary …\n');
    spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 5 * 60_000 });
    if (!installed()) unavailable('it could not be downloaded');
  }
  try {
    return require('electron');
  } catch {
    unavailable('it could not be loaded');
  }
}

const binary = electronBinary();
if (!ensureRendererBuild()) process.exit(1);
try {
  await buildElectron();
} catch {
  process.stderr.write('Building dist/electron failed (see the messages above).\n');
  process.exit(1);
}

const child = spawn(binary, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit', cwd: repoRoot });
child.on('error', (error) => unavailable(error.code === 'ENOENT' ? 'the binary is missing' : error.message));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
