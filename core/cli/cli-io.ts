/** Where the CLI writes and what it reads from its process; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/**
 * `courier program create --help | head` closes the pipe before the text is written: that is
 * the reader's choice, not a failure worth a stack trace (Node raises EPIPE as an 'error' event).
 */
const watched = new WeakSet<NodeJS.WriteStream>();
function quietOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return stream;
}

export const processIo: CliIo = {
  out: (text) => quietOnClosedPipe(process.stdout).write(text),
  err: (text) => quietOnClosedPipe(process.stderr).write(text),
  env: process.env,
  cwd: process.cwd(),
};
