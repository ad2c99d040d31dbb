import { z } from 'zod';
import { siteCodeSchema } from './ids';
import { requiredText } from './text';

export const siteNameSchema = requiredText('The site name', 50);

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
