import { CourierError } from '../api';

/**
 * The suite's object IDs: site code + 5 upper-case hex digits, each kind with its own counter.
 * Advertisements start at 0x20000 as real sites show (A0120000); packages at 1 (A0100001).
 */
export const idCounterStarts = {
  package: 0x00001,
  advertisement: 0x20000,
  collection: 0x00010,
} as const;

export type IdKind = keyof typeof idCounterStarts;

const maxIdValue = 0xfffff;

export function formatObjectId(siteCode: string, value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > maxIdValue) {
    throw new CourierError('CONFLICT', `The site has used all ${maxIdValue} IDs of this kind; no new ID can be made.`);
  }
  return `${siteCode}${value.toString(16).toUpperCase().padStart(5, '0')}`;
}
