import type { Command } from 'commander';
import { resolve } from 'node:path';
import { parseEntryKey } from '../cache/cache-index';
import { CacheError, ContentCache, type CacheEntry } from '../cache/content-cache';
import type { ClientIo } from './main';

interface CacheOptions {
  readonly cache?: string;
  readonly json?: boolean;
}

const mb = 1024 * 1024;

function describeEntry(entry: CacheEntry): string {
  const lock = entry.lockReason === 'downloading' ? 'downloading' : entry.locked ? `locked until ${entry.unlocksAt?.toISOString() ?? '?'}` : 'unlocked';
  return `${entry.key}\t${(entry.sizeBytes / mb).toFixed(1)} MB\t${lock}${entry.persist ? '\tpersisted' : ''}`;
}

/**
 * `courier-client cache …`: what the Control Panel's Configuration Manager › Advanced tab does
 * with the download cache (docs/client-agent.md).
 */
export function addCacheCommands(program: Command, io: ClientIo, done: (code: number) => void, configuredFolder: () => string): void {
  const cache = program.command('cache').description('the download cache');
  const withCache = (command: Command) => command.option('--cache <folder>', 'the cache folder (default: the one client.json names)').option('--json', 'print JSON');
  // Commander calls an action with the arguments, then the options, then the command.
  const act =
    <A extends string[]>(work: (cache: ContentCache, options: CacheOptions, ...args: A) => Promise<void>) =>
    async (...args: unknown[]) => {
      const options = args.at(-2) as CacheOptions;
      try {
        const { cache: opened, rebuilt } = await ContentCache.open(options.cache !== undefined ? resolve(io.cwd, options.cache) : configuredFolder());
        if (rebuilt !== null) io.err(`courier-client: ${rebuilt}\n`);
        await work(opened, options, ...(args.slice(0, -2) as A));
        done(0);
      } catch (error) {
        io.err(`courier-client: ${error instanceof Error ? error.message : String(error)}\n`);
        done(1);
      }
    };

  withCache(cache.command('list').description('the contents, their sizes and locks')).action(
    act(async (opened, options) => {
      const entries = opened.entries();
      if (options.json === true) io.out(`${JSON.stringify({ root: opened.root, sizeMb: opened.sizeMb, usedBytes: opened.usedBytes, entries })}\n`);
      else io.out(`${opened.root}: ${(opened.usedBytes / mb).toFixed(1)} of ${opened.sizeMb} MB used\n${entries.map((e) => `${describeEntry(e)}\n`).join('')}`);
    }),
  );
  withCache(cache.command('set-size <mb>').description('the amount of disk space to use, in MB')).action(
    act(async (opened, options, size: string) => {
      if (!/^[0-9]+$/u.test(size)) throw new CacheError('sizeMb', `The size ${JSON.stringify(size)} is not a whole number of MB.`);
      const result = await opened.setSize(Number(size));
      if (options.json === true) io.out(`${JSON.stringify({ sizeMb: opened.sizeMb, evicted: result.evicted.map((e) => e.key), overBytes: result.overBytes })}\n`);
      else io.out(`The cache is ${opened.sizeMb} MB.${result.evicted.length > 0 ? ` Deleted: ${result.evicted.map((e) => e.key).join(', ')}.` : ''}${result.overBytes > 0 ? ` Locked content keeps it ${result.overBytes} bytes over.` : ''}\n`);
    }),
  );
  withCache(cache.command('move <folder>').description('moves the cache and its contents to another folder')).action(
    act(async (opened, options, folder: string) => {
      await opened.moveTo(resolve(io.cwd, folder));
      io.out(options.json === true ? `${JSON.stringify({ root: opened.root })}\n` : `The cache is now ${opened.root}.\n`);
    }),
  );
  withCache(cache.command('delete <content>').description('deletes one content, named <PackageID>.<SourceVersion>')).action(
    act(async (opened, options, content: string) => {
      const key = parseEntryKey(content.toUpperCase());
      if (key === null) throw new CacheError('content', `${JSON.stringify(content)} is not a content name such as A0100001.3 (package ID, dot, source version).`);
      await opened.delete(key.packageId, key.sourceVersion);
      io.out(options.json === true ? `${JSON.stringify({ deleted: `${key.packageId}.${key.sourceVersion}` })}\n` : `Deleted ${key.packageId}.${key.sourceVersion}.\n`);
    }),
  );
}
