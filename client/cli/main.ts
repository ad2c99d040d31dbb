import { Command, CommanderError } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseStatusMif } from '../mif/parse-mif';
import { addCacheCommands } from './cache-commands';
import { maxMifBytes } from '../mif/status-mif';

export interface ClientIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

function mifParse(file: string, json: boolean, io: ClientIo): number {
  const path = resolve(io.cwd, file);
  // Checked before reading, so a huge file is never loaded into memory.
  if (statSync(path).size > maxMifBytes) throw new Error(`${file}: the file is larger than ${maxMifBytes / 1024} KiB, which no status MIF is; it was not read`);
  const mif = parseStatusMif(readFileSync(path, 'utf8'));
  io.out(json ? `${JSON.stringify(mif)}\n` : `${mif.product} ${mif.version} (${mif.manufacturer}): ${mif.status}${mif.description ? ` — ${mif.description}` : ''}\n`);
  return 0;
}

/** `courier-client`: answers the exit code; 1 when the input is wrong, 2 for a usage error. */
export async function run(argv: readonly string[], io: ClientIo): Promise<number> {
  let code = 0;
  const program = new Command('courier-client').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command('mif')
    .description('status MIF files')
    .command('parse <file>')
    .option('--json', 'print JSON')
    .action((file: string, options: { json?: boolean }) => {
      try {
        code = mifParse(file, options.json === true, io);
      } catch (error) {
        io.err(`courier-client: ${error instanceof Error ? error.message : String(error)}\n`);
        code = 1;
      }
    });
  addCacheCommands(program, io, (result) => (code = result));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return code;
}
