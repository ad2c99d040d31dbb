// The entry of the client agent's bundle, dist/cli/courier-client.cjs (scripts/build-cli.mjs): run
// as a script (`node dist/cli/courier-client.cjs …`) it runs `courier-client`; required
// (bin/courier-client.mjs) it exports run(). It needs nothing of the site: no database, no native module.
import { createInterface } from 'node:readline/promises';
import { run as runClient } from './main';

/** A yes/no question on the terminal; only where there is one, so a script is never left waiting. */
async function ask(question: string): Promise<boolean> {
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^\s*y(es)?\s*$/i.test(await lines.question(question));
  } finally {
    lines.close();
  }
}

export function run(argv: readonly string[]): Promise<number> {
  return runClient(argv, {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    ...(process.stdin.isTTY ? { ask } : {}),
  });
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
