import { CourierError } from '../../api';

/**
 * A strict, bounded reader of OLE compound files ([MS-CFB]), the container of an .msi. Every
 * sector number is range-checked and every chain is walked at most once, so a damaged or hostile
 * file ends in a VALIDATION_FAILED error, never in a loop or a huge allocation. (The `cfb` npm
 * package, used by the tests to build files, has unchecked chains and parent cycles and reads
 * files starting with "PK" as ZIP archives, so it is not used to read untrusted input.)
 */
/** Random access to the file, so a large .msi is never read whole: only the sectors needed. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

export interface CompoundStream {
  readonly name: string;
  readonly size: number;
}

const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const miniSectorSize = 64;

const field = 'msiFile';
function damaged(detail: string): never {
  throw new CourierError('VALIDATION_FAILED', `This Windows Installer file is damaged or truncated: ${detail}.`, field);
}

interface DirEntry {
  readonly name: string;
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

export class CompoundFile {
  private readonly source: ByteSource;
  private readonly header: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly miniFat: Uint32Array;
  private readonly entries: DirEntry[];
  private miniStream: Uint8Array | null = null;
  private readonly miniCutoff: number;

  constructor(input: Uint8Array | ByteSource) {
    this.source = input instanceof Uint8Array ? bytesSource(input) : input;
    const head = this.source.read(0, 512);
    if (head.length < signature.length || !signature.every((b, i) => head[i] === b)) {
      throw new CourierError('VALIDATION_FAILED', 'This is not a Windows Installer file: it is not an OLE compound file.', field);
    }
    if (head.length < 512) damaged(`${this.source.size} bytes is shorter than the 512-byte header`);
    this.header = new DataView(head.buffer, head.byteOffset, 512);
    const major = this.u16(0x1a);
    const shift = this.u16(0x1e);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)) || this.u16(0x1c) !== 0xfffe || this.u16(0x20) !== 6) {
      damaged('its compound-file header is not valid');
    }
    this.sectorSize = 1 << shift;
    if (this.source.size < this.sectorSize) damaged('it ends inside its header');
    // Writers pad the last sector; a shorter last sector is read as far as it goes.
    this.sectorCount = Math.ceil((this.source.size - this.sectorSize) / this.sectorSize);
    this.miniCutoff = this.u32(0x38);
    this.fat = this.readFat();
    this.entries = this.readDirectory();
    this.miniFat = this.readMiniFat();
  }

  /** Header fields (the first 512 bytes). */
  private u16(offset: number): number {
    return this.header.getUint16(offset, true);
  }

  private u32(offset: number): number {
    return this.header.getUint32(offset, true);
  }

  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) damaged(`sector ${sector} lies beyond the end of the file`);
    return (sector + 1) * this.sectorSize;
  }

  /** One whole sector, as 32-bit words (allocation and DIFAT sectors). */
  private sectorWords(sector: number): DataView {
    const data = this.source.read(this.sectorOffset(sector), this.sectorSize);
    if (data.length < this.sectorSize) damaged('it ends inside a sector');
    return new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private readFat(): Uint32Array {
    const perSector = this.sectorSize / 4;
    const fatSectors: number[] = [];
    const fatCount = this.u32(0x2c);
    // Each allocation sector maps sectorSize / 4 sectors; a header claiming far more is damaged.
    if (fatCount > Math.ceil(this.sectorCount / perSector) + 16) damaged(`its header counts ${fatCount} allocation sectors in a file of ${this.sectorCount} sectors`);
    for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) {
      const s = this.u32(0x4c + i * 4);
      if (s === FREESECT) break;
      fatSectors.push(s);
    }
    let difat = this.u32(0x44);
    const seen = new Set<number>();
    while (fatSectors.length < fatCount && difat !== ENDOFCHAIN && difat !== FREESECT) {
      if (seen.has(difat)) damaged('its allocation chain loops');
      seen.add(difat);
      const words = this.sectorWords(difat);
      for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) {
        const s = words.getUint32(i * 4, true);
        if (s !== FREESECT) fatSectors.push(s);
      }
      difat = words.getUint32((perSector - 1) * 4, true);
    }
    if (fatSectors.length < fatCount) damaged('its allocation table is incomplete');
    const fat = new Uint32Array(fatSectors.length * perSector);
    fatSectors.forEach((s, k) => {
      const words = this.sectorWords(s);
      for (let i = 0; i < perSector; i++) fat[k * perSector + i] = words.getUint32(i * 4, true);
    });
    return fat;
  }

  /** The sectors of a chain in order; each sector at most once, each inside the file. */
  private chain(start: number, table: Uint32Array, limit: number, what: string): number[] {
    const sectors: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== ENDOFCHAIN; ) {
      if (s === FREESECT || s >= table.length || s >= limit) damaged(`the ${what} points outside the file`);
      if (seen.has(s)) damaged(`the ${what} loops`);
      seen.add(s);
      sectors.push(s);
      s = table[s] ?? ENDOFCHAIN;
    }
    return sectors;
  }

  private readChain(start: number, size: number, what: string): Uint8Array {
    if (size > this.source.size) damaged(`the ${what} claims ${size} bytes in a file of ${this.source.size}`);
    const sectors = start === ENDOFCHAIN ? [] : this.chain(start, this.fat, this.sectorCount, what);
    if (sectors.length * this.sectorSize < size) damaged(`the ${what} is shorter than its size`);
    const out = new Uint8Array(size);
    let at = 0;
    for (const s of sectors) {
      if (at >= size) break;
      const n = Math.min(this.sectorSize, size - at);
      const data = this.source.read(this.sectorOffset(s), n);
      if (data.length < n) damaged(`the ${what} runs past the end of the file`);
      out.set(data, at);
      at += n;
    }
    return out;
  }

  private readDirectory(): DirEntry[] {
    const first = this.u32(0x30);
    const sectors = this.chain(first, this.fat, this.sectorCount, 'directory');
    const data = this.readChain(first, sectors.length * this.sectorSize, 'directory');
    const view = new DataView(data.buffer);
    const entries: DirEntry[] = [];
    for (let off = 0; off + 128 <= data.length; off += 128) {
      const nameBytes = Math.min(view.getUint16(off + 0x40, true), 64);
      let name = '';
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(view.getUint16(off + i, true));
      entries.push({
        name,
        type: view.getUint8(off + 0x42),
        left: view.getUint32(off + 0x44, true),
        right: view.getUint32(off + 0x48, true),
        child: view.getUint32(off + 0x4c, true),
        start: view.getUint32(off + 0x74, true),
        size: view.getUint32(off + 0x78, true),
      });
    }
    if (entries[0]?.type !== 5) damaged('its directory has no root entry');
    return entries;
  }

  private readMiniFat(): Uint32Array {
    const first = this.u32(0x3c);
    if (first === ENDOFCHAIN || this.u32(0x40) === 0) return new Uint32Array(0);
    const sectors = this.chain(first, this.fat, this.sectorCount, 'small-stream table');
    const data = this.readChain(first, sectors.length * this.sectorSize, 'small-stream table');
    return new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4);
  }

  /** The streams directly in the root storage (where an MSI keeps its tables), in tree order. */
  rootStreams(): CompoundStream[] {
    const out: CompoundStream[] = [];
    const seen = new Set<number>();
    const stack = [this.entries[0]?.child ?? NOSTREAM];
    while (stack.length > 0) {
      const i = stack.pop() ?? NOSTREAM;
      if (i === NOSTREAM) continue;
      const e = this.entries[i];
      if (!e || seen.has(i)) damaged('its directory tree is broken');
      seen.add(i);
      if (e.type === 2) out.push({ name: e.name, size: e.size });
      stack.push(e.right, e.left);
    }
    return out;
  }

  /** A stream of the root storage by its raw (encoded) name, or null. */
  readRootStream(name: string): Uint8Array | null {
    const seen = new Set<number>();
    let i = this.entries[0]?.child ?? NOSTREAM;
    const stack = [i];
    while (stack.length > 0) {
      i = stack.pop() ?? NOSTREAM;
      if (i === NOSTREAM) continue;
      const e = this.entries[i];
      if (!e || seen.has(i)) damaged('its directory tree is broken');
      seen.add(i);
      if (e.type === 2 && e.name === name) return this.readEntry(e);
      stack.push(e.right, e.left);
    }
    return null;
  }

  private readEntry(e: DirEntry): Uint8Array {
    if (e.size >= this.miniCutoff) return this.readChain(e.start, e.size, `stream ${JSON.stringify(e.name)}`);
    const mini = this.ministream();
    const sectors = e.size === 0 ? [] : this.chain(e.start, this.miniFat, Math.floor(mini.length / miniSectorSize), 'small-stream chain');
    if (sectors.length * miniSectorSize < e.size) damaged('a small stream is shorter than its size');
    const out = new Uint8Array(e.size);
    let at = 0;
    for (const s of sectors) {
      if (at >= e.size) break;
      const n = Math.min(miniSectorSize, e.size - at);
      out.set(mini.subarray(s * miniSectorSize, s * miniSectorSize + n), at);
      at += n;
    }
    return out;
  }

  private ministream(): Uint8Array {
    if (this.miniStream === null) {
      const root = this.entries[0];
      this.miniStream = root && root.start !== ENDOFCHAIN ? this.readChain(root.start, root.size, 'small-stream container') : new Uint8Array(0);
    }
    return this.miniStream;
  }
}
