import { z } from 'zod';
import { siteCodeSchema } from './ids';

export const siteNameSchema = z
  .string()
  .trim()
  .min(1, 'The site name is required.')
  .max(50, 'The site name can be at most 50 characters.');

export const siteInitSchema = z.strictObject({
  siteCode: siteCodeSchema,
  siteName: siteNameSchema,
});
export type SiteInitInput = z.input<typeof siteInitSchema>;

export interface SiteInfoDto {
  readonly siteCode: string;
  readonly siteName: string;
  /** The computer the site server runs on. */
  readonly serverName: string;
  readonly dataDir: string;
  readonly siteRoot: string;
  readonly databasePath: string;
  readonly productVersion: string;
  /** 'win32', 'linux' …: tells the console which path forms the site server can reach. */
  readonly platform: string;
  readonly createdAt: string;
}
