import { shown, type SectionReader } from './reader';

export const diskSpaceMax = 999_999;
const units = ['KB', 'MB', 'GB'] as const;
type Unit = (typeof units)[number];

/**
 * EstimatedDiskSpace: `38MB`, `500 KB`, `1.5GB` (kept whole as 1536 MB), a bare number (MB), or
 * `Unknown` / empty (null).
 */
export function readDiskSpace(r: SectionReader, key: string): { amount: number | null; unit: Unit } {
  const e = r.entry(key);
  if (!e || e.value === '' || e.value.toLowerCase() === 'unknown') return { amount: null, unit: 'MB' };
  const m = /^(\d{1,9}(?:\.\d{1,6})?)\s*(KB|MB|GB)?$/i.exec(e.value);
  if (!m) {
    r.problem(e.key, e.line, `a size such as 38MB or 500KB, or Unknown, but ${shown(e.value)} given`);
    return { amount: null, unit: 'MB' };
  }
  let amount = Number(m[1]);
  let unit = (m[2]?.toUpperCase() ?? 'MB') as Unit;
  // A fraction becomes a whole number of the next smaller unit (1.5GB = 1536MB).
  while (!Number.isInteger(amount) && unit !== 'KB') {
    amount *= 1024;
    unit = units[units.indexOf(unit) - 1] as Unit;
  }
  amount = Math.ceil(amount);
  if (amount > diskSpaceMax) {
    r.problem(e.key, e.line, `at most ${diskSpaceMax} ${unit}, but ${shown(e.value)} given`);
    return { amount: null, unit: 'MB' };
  }
  return { amount, unit };
}

/** EstimatedRunTime: whole minutes, 1 to 720 (the console's Maximum allowed run time), or Unknown / empty (null). */
export function readRunTime(r: SectionReader, key: string): number | null {
  const e = r.entry(key);
  if (!e || e.value === '' || e.value.toLowerCase() === 'unknown') return null;
  const m = /^(\d{1,6})\s*(?:min|minutes)?$/i.exec(e.value);
  const minutes = m ? Number(m[1]) : NaN;
  if (!(minutes >= 1 && minutes <= 720)) {
    r.problem(e.key, e.line, `whole minutes from 1 to 720, or Unknown, but ${shown(e.value)} given`);
    return null;
  }
  return minutes;
}

/** SpecifyDrive: one letter, with or without the colon. */
export function readDriveLetter(r: SectionReader, key: string): string {
  const e = r.entry(key);
  if (!e || e.value === '') return '';
  const m = /^([A-Za-z]):?\\?$/.exec(e.value);
  if (!m) {
    r.problem(e.key, e.line, `one drive letter from A to Z, but ${shown(e.value)} given`);
    return '';
  }
  return (m[1] ?? '').toUpperCase();
}
