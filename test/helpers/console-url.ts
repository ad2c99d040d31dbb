import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * The console address `courier serve` prints once it serves (without its token), or a rejection
 * with what it printed when it exits, fails to start or says nothing in time.
 */
export function consoleUrlOf(child: ChildProcessWithoutNullStreams, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no address printed in ${timeoutMs} ms: ${output}`)), timeoutMs);
    const settle = (settleWith: () => void): void => {
      clearTimeout(timer);
      settleWith();
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)\?token=/.exec(output);
      if (match?.[1]) settle(() => resolve(match[1]!));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', (error) => settle(() => reject(error)));
    child.once('exit', (code) => settle(() => reject(new Error(`courier serve exited with ${code}: ${output}`))));
  });
}

/** Stops a child and waits until it has gone. */
export async function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
