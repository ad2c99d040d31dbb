import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { siteCodeSchema } from '../../core/api/ids';
import { resourceInputSchema } from '../../core/api/resources';
import { sourcePathFormOf } from '../../core/api/source-paths';
import { writeFileAtomicSync } from '../files/atomic-write';

/** The most a configuration file may hold: it is a few settings, so anything bigger is not one. */
const maxConfigBytes = 64 * 1024;

/** The default download cache size of the suite's client (SMSCACHESIZE), in MB. */
export const defaultCacheSizeMb = 5120;
/** The Computer Client Agent's default policy polling interval, in minutes. */
export const defaultPollingMinutes = 60;

const userName = z
  .string()
  // eslint-disable-next-line no-control-regex -- control characters are what a user name may not hold
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]{1,15}\\[^\\/:*?"<>|\u0000-\u001f@[\]]{1,104}$/, 'a user is DOMAIN\\name, such as CONTOSO\\ann');

const managementPoint = z
  .string()
  .max(2048)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.hash === '' && url.search === '';
    } catch {
      return false;
    }
  }, 'the management point is an http:// or https:// URL without a user, query or fragment, such as http://127.0.0.1:8530/');

// eslint-disable-next-line no-control-regex -- control characters are what an argument may not hold
const commandSchema = z.array(z.string().min(1).max(4096).regex(/^[^\u0000-\u001f]*$/, 'an argument holds no control characters')).min(1).max(32);

/**
 * `client.json`: what the agent needs before it has ever talked to its site. `session` stands in
 * for the logged-on user where the operating system cannot tell (a test machine, a container):
 * `null` says nobody is logged on; absent, the agent asks the OS.
 */
export const clientConfigSchema = z.strictObject({
  managementPoint,
  siteCode: siteCodeSchema,
  /**
   * The name the agent registers with, instead of the host name's first label: for a lab that
   * plays several computers on one machine, each agent in a folder of its own.
   */
  computerName: resourceInputSchema.options[0].shape.name.optional(),
  /** CA certificate file (PEM) to trust for an https management point or content service with a private CA. */
  caFile: z.string().min(1).max(4096).optional(),
  cacheFolder: z.string().min(1).max(4096).optional(),
  cacheSizeMb: z.number().int().min(1).max(1_048_576).default(defaultCacheSizeMb),
  /** Overrides the site's Computer Client Agent interval (minutes), for tests and labs. */
  policyPollingMinutes: z.number().int().min(1).max(1440).optional(),
  session: z.strictObject({ user: userName.nullable() }).optional(),
  /**
   * What the agent runs for a program whose "After running" is "ConfigMgr restarts computer" or
   * "ConfigMgr logs user off", as an argument list (no shell). Absent: Windows' shutdown.exe, and
   * nothing elsewhere (the restart is then only kept pending).
   */
  restartCommand: commandSchema.optional(),
  logoffCommand: commandSchema.optional(),
  /** Folders where installers leave status MIFs (%windir% and %TEMP% on Windows). */
  mifFolders: z.array(z.string().min(1).max(4096)).max(16).optional(),
  /**
   * Where this machine reaches distribution point shares, for programs run from the DP:
   * `\\DP01\SMSPKGD$` → `/mnt/dp01/smspkgd`. Needed off Windows, which cannot open a UNC path.
   */
  dpPathMappings: z
    .array(
      z.strictObject({
        uncPrefix: z.string().max(1024).refine((text) => sourcePathFormOf(text) === 'unc', 'uncPrefix is a UNC path such as \\\\DP01\\SMSPKGD$'),
        localPath: z.string().min(1).max(4096).refine((text) => isAbsolute(text), 'localPath is an absolute path'),
      }),
    )
    .max(64)
    .optional(),
});

export type ClientConfigInput = z.input<typeof clientConfigSchema>;
export type ClientConfig = z.output<typeof clientConfigSchema>;

export const configFileName = 'client.json';

export class ClientConfigError extends Error {}

function problemText(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the file'}: ${issue.message}`).join('; ');
}

/** The client's folder: its configuration, identity, policy, status messages and logs live in it. */
export function configPath(clientDir: string): string {
  return join(clientDir, configFileName);
}

export function readClientConfig(clientDir: string): ClientConfig {
  const path = configPath(clientDir);
  if (!existsSync(path)) throw new ClientConfigError(`${path} does not exist: run "courier-client configure --management-point URL --site-code ABC" first.`);
  const stats = statSync(path);
  if (!stats.isFile()) throw new ClientConfigError(`${path} is not a file.`);
  if (stats.size > maxConfigBytes) throw new ClientConfigError(`${path} is larger than ${maxConfigBytes / 1024} KiB, which no client configuration is; it was not read.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ClientConfigError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = clientConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ClientConfigError(`${path}: ${problemText(parsed.error.issues)}`);
  return parsed.data;
}

/** Validates and saves the configuration; nothing is written when any field is wrong. */
export function writeClientConfig(clientDir: string, input: ClientConfigInput): ClientConfig {
  const parsed = clientConfigSchema.safeParse(input);
  if (!parsed.success) throw new ClientConfigError(problemText(parsed.error.issues));
  writeFileAtomicSync(configPath(clientDir), `${JSON.stringify(parsed.data, null, 1)}\n`);
  return parsed.data;
}

/** Where the download cache is: the configured folder (relative to the client's folder) or `cache` in it. */
export function cacheFolderOf(clientDir: string, config: ClientConfig): string {
  if (config.cacheFolder === undefined) return join(clientDir, 'cache');
  return isAbsolute(config.cacheFolder) ? config.cacheFolder : resolve(clientDir, config.cacheFolder);
}
