import type { Command } from 'commander';
import type { ApiResult } from '../api';
import type { Core } from '../core';
import type { CliIo } from './cli-io';

export interface GlobalOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

/** What a group of commands needs from the program that hosts it (see program.ts). */
export interface CommandContext {
  readonly io: CliIo;
  /** Adds --data-dir and --json to a leaf command, so they may also follow it. */
  withGlobalOptions(command: Command): Command;
  /** Opens the site for one command and always closes it. */
  withCore(command: Command, run: (core: Core, globals: GlobalOptions) => Promise<void>): Promise<void>;
  /** JSON of `value` with --json, else the text. */
  print(globals: GlobalOptions, value: unknown, text: () => string): void;
  /** The value of a core answer, or a CliFailure (exit 1) with its error. */
  unwrap<T>(result: ApiResult<T>): T;
}
