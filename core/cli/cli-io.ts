/** Where the CLI writes and what it reads from its process; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** What a command given `-` reads; absent: the process's standard input. */
  readonly stdin?: () => AsyncIterable<Uint8Array | string>;
  /**
   * Resolves once `out` has passed on what it was given (true), or its reader has gone (false):
   * a command that prints a stream waits on it, so a slow pipe holds the reading back instead of
   * the output piling up in memory. Absent: `out` never holds anything back.
   */
  readonly drained?: () => Promise<boolean>;
}

/**
 * `courier program create --help | head` closes the pipe before the text is written: that is
 * the reader's choice, not a failure worth a stack trace (Node raises EPIPE as an 'error' event).
 */
const watched = new WeakSet<NodeJS.WriteStream>();
/** Streams whose reader has gone: Node keeps such a stream open, failing every write with EPIPE. */
const closedPipes = new WeakSet<NodeJS.WriteStream>();
function quietOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closedPipes.add(stream);
    });
  }
  return stream;
}

function stdoutDrained(): Promise<boolean> {
  const stdout = quietOnClosedPipe(process.stdout);
  const open = () => !stdout.destroyed && !stdout.writableEnded && !closedPipes.has(stdout);
  if (!open()) return Promise.resolve(false);
  if (!stdout.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = () => {
      stdout.off('drain', settle);
      stdout.off('close', settle);
      stdout.off('error', settle);
      // The quiet handler was added first, so an EPIPE is already recorded here.
      resolve(open());
    };
    stdout.on('drain', settle);
    stdout.on('close', settle);
    stdout.on('error', settle);
  });
}

export const processIo: CliIo = {
  drained: stdoutDrained,
  out: (text) => quietOnClosedPipe(process.stdout).write(text),
  err: (text) => quietOnClosedPipe(process.stderr).write(text),
  env: process.env,
  cwd: process.cwd(),
};
