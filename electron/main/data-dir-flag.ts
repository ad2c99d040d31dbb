/**
 * The value of `--data-dir DIR` or `--data-dir=DIR` anywhere on Electron's command line
 * (Chromium adds switches of its own, so positions are not fixed).
 */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--data-dir') return argv[index + 1];
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}
