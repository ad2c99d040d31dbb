// vitest globalSetup: the CLI tests spawn the real `courier` (bin/courier.mjs runs the bundle
// dist/cli/courier.cjs), so the bundle is brought up to date with the sources once, before any
// test file starts, instead of by the first spawns of parallel test files racing to rebuild it.
const scripts = new URL('../../scripts/', import.meta.url);

export default async function buildCliBundleOnce(): Promise<void> {
  const { cliBuildState } = (await import(new URL('cli-build-state.mjs', scripts).href)) as { cliBuildState: () => { fresh: boolean } };
  if (cliBuildState().fresh) return;
  const { buildCli } = (await import(new URL('build-cli.mjs', scripts).href)) as { buildCli: () => Promise<unknown> };
  await buildCli();
}
