import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';

/**
 * `sync --file-system <path>` run by a long-lived `/bin/sh`, one for each volume, instead of a
 * process spawned by us for every flush: spawning forks this process, and the site server's is
 * hundreds of MB of mappings to copy each time (about 10 ms of wall time and 2.4 ms of its CPU a
 * flush from a 190 MB process, against 3 ms and 0.2 ms through the shell). The shell reads one
 * path a line, runs sync(1) on it and answers one line, `<exit status> <sync's message>`, so the
 * answers come in the order of the requests. It reads its stdin until that closes, so it ends with
 * this process however this process ends.
 */
const script = `while IFS= read -r p; do
  out=$(sync --file-system -- "$p" 2>&1); s=$?
  if [ "$s" -eq 0 ]; then echo 0; else printf '%s %s\\n' "$s" "$(printf '%s' "$out" | tr '\\n' ' ')"; fi
done`;

interface Request {
  readonly path: string;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

interface Helper {
  readonly child: ChildProcessWithoutNullStreams;
  readonly pending: Request[];
  buffer: string;
}

const helpers = new Map<string, Helper>();
const run = promisify(execFile);

function failed(path: string, why: string): Error {
  return new Error(`Flushing the volume of ${path} failed: ${why}`);
}

/** A child's pipes are sockets, which can be unref'd; their types say only streams. */
const socket = (stream: Readable | Writable): Socket => stream as Socket;

/** Only a caller waiting for an answer keeps this process alive; an idle shell does not. */
function hold(helper: Helper): void {
  if (helper.pending.length > 0) socket(helper.child.stdout).ref();
  else socket(helper.child.stdout).unref();
}

function answer(helper: Helper, line: string): void {
  const request = helper.pending.shift();
  if (!request) return;
  const space = line.indexOf(' ');
  const status = space < 0 ? line : line.slice(0, space);
  if (status === '0') request.resolve();
  else request.reject(failed(request.path, space < 0 ? `sync exited with status ${status}` : line.slice(space + 1).trim()));
}

function startHelper(volume: string): Helper {
  const child = spawn('/bin/sh', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const helper: Helper = { child, pending: [], buffer: '' };
  const end = (why: string) => {
    if (helpers.get(volume) === helper) helpers.delete(volume);
    for (const request of helper.pending.splice(0)) request.reject(failed(request.path, why));
  };
  child.on('error', (error) => end(error.message));
  child.on('exit', (code, signal) => end(`the flushing shell ended (${signal ?? `exit code ${code}`}) before it answered`));
  // A write after the shell died fails here; 'exit' has rejected (or will reject) the callers.
  child.stdin.on('error', () => undefined);
  child.stderr.resume();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    helper.buffer += chunk;
    for (let newline = helper.buffer.indexOf('\n'); newline >= 0; newline = helper.buffer.indexOf('\n')) {
      const line = helper.buffer.slice(0, newline);
      helper.buffer = helper.buffer.slice(newline + 1);
      answer(helper, line);
    }
    hold(helper);
  });
  child.unref();
  socket(child.stdin).unref();
  socket(child.stderr).unref();
  helpers.set(volume, helper);
  return helper;
}

/**
 * Flushes the file system holding `path` through the volume's shell (started at its first flush).
 * A path with a line break cannot be one line of the shell's input: sync(1) is spawned for it.
 */
export function flushFileSystem(path: string, volume: string): Promise<void> {
  if (path.includes('\n')) return run('sync', ['--file-system', path]).then(() => undefined);
  const helper = helpers.get(volume) ?? startHelper(volume);
  return new Promise<void>((resolve, reject) => {
    helper.pending.push({ path, resolve, reject });
    hold(helper);
    helper.child.stdin.write(`${path}\n`);
  });
}

/** The shell's process ID for `volume`, if one runs (for tests that play its death). */
export function flushHelperPid(volume: string): number | undefined {
  return helpers.get(volume)?.child.pid;
}
