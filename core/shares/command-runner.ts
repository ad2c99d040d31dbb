import { execFile } from 'node:child_process';
import { CourierError } from '../api';

/**
 * The process edge of the Samba and Windows providers: a program and its arguments, never a
 * shell, so no value is ever parsed as a command. Tests of the Windows provider record these
 * calls instead of running them; everything else runs them for real.
 */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommandOptions {
  /** Added to the provider's environment (nss_wrapper variables in tests, for instance). */
  readonly env?: Readonly<Record<string, string>>;
}

export type CommandRunner = (file: string, args: readonly string[], options?: CommandOptions) => Promise<CommandResult>;

/** Output is bounded: smbstatus on a busy server is large, but not this large. */
const maxOutputBytes = 64 * 1024 * 1024;
const timeoutMs = 120_000;

/** Runs with execFile; a program that is missing or killed is an error, a non-zero exit is a result. */
export const execFileRunner: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { env: { ...process.env, ...options.env }, maxBuffer: maxOutputBytes, timeout: timeoutMs, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ exitCode: 0, stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new CourierError('INTERNAL', `${file} is not installed (or not on the PATH), so this distribution point's shares cannot be managed.`));
        if (typeof code === 'number') return resolve({ exitCode: code, stdout, stderr });
        const why = error.killed ? `was stopped after ${timeoutMs / 1000} s` : `failed: ${error.message}`;
        reject(new CourierError('INTERNAL', `${file} ${why}`));
      },
    );
  });

/** The tool's own words, one line, for an error message: the last non-empty lines of its output. */
export function toolWords(result: CommandResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.slice(-3).join(' ') || `exit code ${result.exitCode}`;
}

/** Runs a command that must succeed; `what` says what it was for ("Creating share SMSPKGD$"). */
export async function mustRun(runner: CommandRunner, what: string, file: string, args: readonly string[], options?: CommandOptions): Promise<CommandResult> {
  const result = await runner(file, args, options);
  if (result.exitCode !== 0) throw new CourierError('INTERNAL', `${what} failed: ${file} said: ${toolWords(result)}`);
  return result;
}
