import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { decodeStreamName } from '../../core/formats/msi';

/**
 * Hostile MSIs made from a real one (wixl-built, version 3, 512-byte sectors): one stream is moved
 * to a new chain at the end of the file and claims `size` bytes. The file is sparse: the chain's
 * sectors are zeros that take no disk, only the allocation table describing them is written (a
 * 600 MB stream costs about 4.7 MB of table), as the hostile 4.8 MB file of 600 MB did.
 */
const sector = 512;
const perSector = sector / 4;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;

export interface CraftedStream {
  /** The stream's decoded name, as msitools shows it: `!_StringPool`, `!Property`. */
  readonly stream: string;
  /** The size its directory entry claims. */
  readonly size: number;
  /** Bytes at the start of the new chain (the stream's real content, moved); zeros after. */
  readonly content?: Uint8Array;
  /** The chain's first sector points to itself. */
  readonly loop?: boolean;
  /** The first DIFAT sector points to itself (the stream must need two or more). */
  readonly difatLoop?: boolean;
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
}

/** The directory entries of a real MSI, by decoded name, with their offset in the file. */
export function directoryEntries(bytes: Uint8Array): Map<string, { offset: number; start: number; size: number }> {
  const fatSectors = Array.from({ length: Math.min(109, u32(bytes, 0x2c)) }, (_, i) => u32(bytes, 0x4c + i * 4));
  const fat = (s: number): number => u32(bytes, sector * ((fatSectors[Math.floor(s / perSector)] ?? 0) + 1) + (s % perSector) * 4);
  const entries = new Map<string, { offset: number; start: number; size: number }>();
  for (let s = u32(bytes, 0x30), n = 0; s !== ENDOFCHAIN && n < 1000; s = fat(s), n++) {
    for (let k = 0; k < sector / 128; k++) {
      const offset = sector * (s + 1) + k * 128;
      const nameBytes = Math.min(64, bytes[offset + 0x40]! | (bytes[offset + 0x41]! << 8));
      let name = '';
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(bytes[offset + i]! | (bytes[offset + i + 1]! << 8));
      if (name !== '') entries.set(decodeStreamName(name), { offset, start: u32(bytes, offset + 0x74), size: u32(bytes, offset + 0x78) });
    }
  }
  return entries;
}

/** Writes the crafted file at `path`; returns its apparent size. */
export function writeCraftedMsi(path: string, original: Uint8Array, crafted: CraftedStream): number {
  const oldSectors = Math.ceil((original.length - sector) / sector);
  const oldFatCount = u32(original, 0x2c);
  if (oldFatCount > 109) throw new Error('the original must keep its allocation table in the header');
  const entry = directoryEntries(original).get(crafted.stream);
  if (!entry) throw new Error(`no stream ${crafted.stream}`);

  // New sectors: the stream's chain, then the new allocation table, then its DIFAT sectors.
  const chainSectors = Math.max(1, Math.ceil(crafted.size / sector));
  let fatCount = 0;
  let difatCount = 0;
  for (;;) {
    const total = oldSectors + chainSectors + fatCount + difatCount;
    const neededFat = Math.ceil(total / perSector);
    const neededDifat = Math.max(0, Math.ceil((neededFat - 109) / (perSector - 1)));
    if (neededFat === fatCount && neededDifat === difatCount) break;
    fatCount = neededFat;
    difatCount = neededDifat;
  }
  const chainStart = oldSectors;
  const fatStart = chainStart + chainSectors;
  const difatStart = fatStart + fatCount;
  const totalSectors = difatStart + difatCount;

  const fat = new Uint32Array(fatCount * perSector).fill(FREESECT);
  const oldFat = (s: number) => u32(original, sector * (u32(original, 0x4c + Math.floor(s / perSector) * 4) + 1) + (s % perSector) * 4);
  for (let s = 0; s < oldSectors; s++) fat[s] = oldFat(s);
  for (let s = 0; s < chainSectors; s++) fat[chainStart + s] = s + 1 < chainSectors ? chainStart + s + 1 : ENDOFCHAIN;
  if (crafted.loop) fat[chainStart] = chainStart;
  for (let s = 0; s < fatCount; s++) fat[fatStart + s] = FATSECT;
  for (let s = 0; s < difatCount; s++) fat[difatStart + s] = DIFSECT;

  const head = new Uint8Array(original.subarray(0, sector));
  const view = new DataView(head.buffer);
  view.setUint32(0x2c, fatCount, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i < fatCount ? fatStart + i : FREESECT, true);
  view.setUint32(0x44, difatCount > 0 ? difatStart : ENDOFCHAIN, true);
  view.setUint32(0x48, difatCount, true);
  const body = new Uint8Array(original.subarray(sector, sector + oldSectors * sector));
  const entryView = new DataView(body.buffer);
  entryView.setUint32(entry.offset - sector + 0x74, chainStart, true);
  entryView.setUint32(entry.offset - sector + 0x78, crafted.size, true);

  const difat = new Uint32Array(difatCount * perSector).fill(FREESECT);
  for (let k = 0; k < difatCount; k++) {
    for (let i = 0; i < perSector - 1; i++) {
      const n = 109 + k * (perSector - 1) + i;
      if (n < fatCount) difat[k * perSector + i] = fatStart + n;
    }
    difat[k * perSector + perSector - 1] = k + 1 < difatCount ? difatStart + k + 1 : ENDOFCHAIN;
  }
  if (crafted.difatLoop) {
    if (difatCount < 2) throw new Error('a DIFAT loop needs two DIFAT sectors: claim a larger stream');
    difat[perSector - 1] = difatStart;
  }

  const size = sector * (totalSectors + 1);
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, size);
    writeSync(fd, head, 0, head.length, 0);
    writeSync(fd, body, 0, body.length, sector);
    if (crafted.content) writeSync(fd, crafted.content, 0, crafted.content.length, sector * (chainStart + 1));
    const fatBytes = new Uint8Array(fat.buffer);
    writeSync(fd, fatBytes, 0, fatBytes.length, sector * (fatStart + 1));
    const difatBytes = new Uint8Array(difat.buffer);
    if (difatBytes.length > 0) writeSync(fd, difatBytes, 0, difatBytes.length, sector * (difatStart + 1));
  } finally {
    closeSync(fd);
  }
  return size;
}
