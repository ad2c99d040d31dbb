import { z } from 'zod';

/** A site code is exactly three letters or digits (the suite stores it upper-case). */
export const siteCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{3}$/, 'A site code is exactly three letters or digits, for example A01.')
  .transform((code) => code.toUpperCase());

/** Package, advertisement and collection IDs: site code + 5 upper-case hex digits. */
export const objectIdPattern = /^[A-Z0-9]{3}[0-9A-F]{5}$/;

export const packageIdSchema = z
  .string()
  .trim()
  .transform((id) => id.toUpperCase())
  .pipe(
    z
      .string()
      .regex(objectIdPattern, 'A package ID is the site code followed by five hex digits, for example A0100001.'),
  );
