import { CourierError } from '../../api';

/**
 * A strict, bounded reader of OLE compound files ([MS-CFB]), the container of an .msi. Nothing is
 * read whole: streams are read through their sector chains on demand, allocation table sectors are
 * loaded as a chain reaches them, and every size is checked against what the file can hold before
 * anything is allocated, so a damaged or hostile file (a 600 MB stream claimed in a sparse file, a
 * chain that loops) ends in a VALIDATION_FAILED error, never in a huge allocation or a loop. (The
 * `cfb` npm package, used by the tests to build files, has unchecked chains and parent cycles and
 * reads files starting with "PK" as ZIP archives, so it is not used to read untrusted input.)
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

/** A stream of the compound file, read by offset through its chain. */
export interface StreamReader {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; the range must lie inside the stream. */
  read(offset: number, length: number): Uint8Array;
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
/** [MS-CFB] 2.2: the cutoff between small and regular streams is always 4096 bytes. */
const miniCutoff = 4096;
const entrySize = 128;
/** Far more streams than any installer has (one per table, binary and cabinet), and a bound on a hostile directory. */
const maxStreams = 1 << 20;

const field = 'msiFile';

/** How messages name the file: its path when the caller gives one. */
export class MsiSubject {
  constructor(readonly file?: string) {}

  notCompound(): CourierError {
    return new CourierError('VALIDATION_FAILED', `${this.file ?? 'This'} is not a Windows Installer file: it is not an OLE compound file.`, field);
  }

  damaged(detail: string): CourierError {
    const which = this.file === undefined ? 'This Windows Installer file' : `The Windows Installer file ${this.file}`;
    return new CourierError('VALIDATION_FAILED', `${which} is damaged or truncated: ${detail}.`, field);
  }

  /** A compound file that holds no Windows Installer database. */
  notDatabase(why: string): CourierError {
    return new CourierError('VALIDATION_FAILED', `${this.file ?? 'This compound file'} is not a Windows Installer database: ${why}.`, field);
  }

  /** Any other refusal, as "<This Windows Installer file|The Windows Installer file X> <rest>". */
  refuse(rest: string): CourierError {
    const which = this.file === undefined ? 'This Windows Installer file' : `The Windows Installer file ${this.file}`;
    return new CourierError('VALIDATION_FAILED', `${which} ${rest}`, field);
  }
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

/** One bit per sector (or entry): a chain or a tree walk visits each at most once. */
class Visited {
  private readonly bits: Uint8Array;
  constructor(count: number) {
    this.bits = new Uint8Array(Math.ceil(count / 8));
  }
  /** Marks `n`; false when it was marked already. */
  mark(n: number): boolean {
    const byte = n >>> 3;
    const bit = 1 << (n & 7);
    if (((this.bits[byte] ?? 0) & bit) !== 0) return false;
    this.bits[byte] = (this.bits[byte] ?? 0) | bit;
    return true;
  }
}

/**
 * A chain of sectors (or mini sectors), followed only as far as reads need it: opening a stream
 * that claims 600 MB costs nothing until it is read. Each sector is visited at most once and must
 * lie inside the file; a chain with `needed` sectors must have them all.
 */
class Chain {
  private units = new Uint32Array(16);
  private length = 0;
  private ended = false;
  private visited: Visited | null = null;

  constructor(
    private readonly start: number,
    private readonly limit: number,
    /** Sectors the stream's size needs; null = follow to the end (the directory). */
    private readonly needed: number | null,
    private readonly nextOf: (s: number) => number,
    private readonly what: string,
    private readonly subject: MsiSubject,
  ) {}

  /** The `index`th unit of the chain, or undefined past the end of a chain without a size. */
  unitAt(index: number): number | undefined {
    while (this.length <= index) {
      if (this.ended || (this.needed !== null && this.length >= this.needed)) return undefined;
      const s = this.length === 0 ? this.start : this.nextOf(this.units[this.length - 1] ?? 0);
      if (s === ENDOFCHAIN) {
        if (this.needed !== null) throw this.subject.damaged(`the ${this.what} is shorter than its size`);
        this.ended = true;
        return undefined;
      }
      if (s === FREESECT || s >= this.limit) throw this.subject.damaged(`the ${this.what} points outside the file`);
      this.visited ??= new Visited(this.limit);
      if (!this.visited.mark(s)) throw this.subject.damaged(`the ${this.what} loops`);
      if (this.length === this.units.length) {
        const grown = new Uint32Array(Math.min(this.units.length * 2, Math.max(this.needed ?? this.limit, 16)));
        grown.set(this.units);
        this.units = grown;
      }
      this.units[this.length++] = s;
    }
    return this.units[index];
  }
}

/** A stream kept in `unitSize` pieces along a chain, the pieces read through `readUnits`. */
class ChainStream implements StreamReader {
  constructor(
    readonly size: number,
    private readonly chain: Chain,
    private readonly unitSize: number,
    private readonly readUnits: (first: number, count: number) => Uint8Array,
    private readonly what: string,
    private readonly subject: MsiSubject,
  ) {}

  read(offset: number, length: number): Uint8Array {
    if (offset < 0 || length < 0 || offset + length > this.size) throw this.subject.damaged(`a read runs past the end of the ${this.what}`);
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const at = offset + done;
      const index = Math.floor(at / this.unitSize);
      const within = at % this.unitSize;
      const first = this.chain.unitAt(index);
      if (first === undefined) throw this.subject.damaged(`the ${this.what} ends early`);
      // Consecutive pieces are read in one go.
      let run = 1;
      while (run * this.unitSize - within < length - done && this.chain.unitAt(index + run) === first + run) run++;
      const take = Math.min(run * this.unitSize - within, length - done);
      const data = this.readUnits(first, run);
      if (data.length < within + take) throw this.subject.damaged(`the ${this.what} runs past the end of the file`);
      out.set(data.subarray(within, within + take), done);
      done += take;
    }
    return out;
  }
}

/**
 * Reads a stream through a window of `windowSize` bytes, so many small reads near each other (table
 * rows, directory entries, strings in order) cost one read of the file each window.
 */
export class WindowReader {
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly stream: StreamReader,
    private readonly windowSize = 64 * 1024,
  ) {}

  get size(): number {
    return this.stream.size;
  }

  read(offset: number, length: number): Uint8Array {
    if (offset >= this.start && offset + length <= this.start + this.bytes.length) {
      return this.bytes.subarray(offset - this.start, offset - this.start + length);
    }
    if (length > this.windowSize) return this.stream.read(offset, length);
    this.start = offset;
    this.bytes = this.stream.read(offset, Math.min(this.windowSize, this.stream.size - offset));
    if (this.bytes.length < length) return this.stream.read(offset, length);
    return this.bytes.subarray(0, length);
  }
}

export class CompoundFile {
  private readonly source: ByteSource;
  private readonly subject: MsiSubject;
  private readonly header: DataView;
  private readonly sectorSize: number;
  private readonly perSector: number;
  /** Sectors the file holds after its header: every sector number must be below this. */
  private readonly sectorCount: number;
  /** The allocation table's own sectors, in order (from the header and the DIFAT chain). */
  private readonly fatSectors: Uint32Array;
  private readonly fatCache = new Map<number, DataView>();
  /** The directory's chain, followed to its end as entries are read. */
  private readonly directory: Chain;
  private readonly directoryCache = new Map<number, Uint8Array>();
  /** As many entries as the file's sectors could hold. */
  private readonly maxEntries: number;
  private miniFat: StreamReader | null = null;
  private miniContainer: StreamReader | null = null;

  constructor(input: Uint8Array | ByteSource, subject = new MsiSubject()) {
    this.source = input instanceof Uint8Array ? bytesSource(input) : input;
    this.subject = subject;
    const head = this.source.read(0, 512);
    if (head.length < signature.length || !signature.every((b, i) => head[i] === b)) throw subject.notCompound();
    if (head.length < 512) throw subject.damaged(`${this.source.size} bytes is shorter than the 512-byte header`);
    this.header = new DataView(head.buffer, head.byteOffset, 512);
    const major = this.u16(0x1a);
    const shift = this.u16(0x1e);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)) || this.u16(0x1c) !== 0xfffe || this.u16(0x20) !== 6) {
      throw subject.damaged('its compound-file header is not valid');
    }
    if (this.u32(0x38) !== miniCutoff) throw subject.damaged(`its header sets the small-stream cutoff to ${this.u32(0x38)} bytes, not ${miniCutoff}`);
    this.sectorSize = 1 << shift;
    this.perSector = this.sectorSize / 4;
    if (this.source.size < this.sectorSize) throw subject.damaged('it ends inside its header');
    // Writers pad the last sector; a shorter last sector is read as far as it goes.
    this.sectorCount = Math.ceil((this.source.size - this.sectorSize) / this.sectorSize);
    this.fatSectors = this.readFatSectorList();
    this.directory = new Chain(this.u32(0x30), this.sectorCount, null, this.fatNext('directory'), 'directory', subject);
    this.maxEntries = this.sectorCount * (this.sectorSize / entrySize);
    if (this.entry(0).type !== 5) throw subject.damaged('its directory has no root entry');
  }

  /** Header fields (the first 512 bytes). */
  private u16(offset: number): number {
    return this.header.getUint16(offset, true);
  }

  private u32(offset: number): number {
    return this.header.getUint32(offset, true);
  }

  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) throw this.subject.damaged(`sector ${sector} lies beyond the end of the file`);
    return (sector + 1) * this.sectorSize;
  }

  /** `count` consecutive sectors from `first`, as far as the file goes. */
  private readSectors(first: number, count: number): Uint8Array {
    if (first + count > this.sectorCount) throw this.subject.damaged(`sector ${first + count - 1} lies beyond the end of the file`);
    return this.source.read(this.sectorOffset(first), count * this.sectorSize);
  }

  /** One whole sector, as 32-bit words (allocation and DIFAT sectors). */
  private sectorWords(sector: number): DataView {
    const data = this.source.read(this.sectorOffset(sector), this.sectorSize);
    if (data.length < this.sectorSize) throw this.subject.damaged('it ends inside a sector');
    return new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  /** The allocation table's sectors: 109 in the header, the rest in the DIFAT chain. */
  private readFatSectorList(): Uint32Array {
    const fatCount = this.u32(0x2c);
    // Each allocation sector maps sectorSize / 4 sectors; a header claiming far more is damaged.
    if (fatCount > Math.ceil(this.sectorCount / this.perSector) + 16) {
      throw this.subject.damaged(`its header counts ${fatCount} allocation sectors in a file of ${this.sectorCount} sectors`);
    }
    const list = new Uint32Array(fatCount);
    let found = 0;
    for (let i = 0; i < 109 && found < fatCount; i++) {
      const s = this.u32(0x4c + i * 4);
      if (s === FREESECT) break;
      list[found++] = s;
    }
    let difat = this.u32(0x44);
    // Every DIFAT sector lists perSector - 1 allocation sectors: more DIFAT sectors than that needs is a loop.
    const maxDifat = Math.ceil(Math.max(0, fatCount - found) / (this.perSector - 1));
    const visited = new Visited(this.sectorCount);
    for (let walked = 0; found < fatCount && difat !== ENDOFCHAIN && difat !== FREESECT; walked++) {
      if (walked >= maxDifat || (difat < this.sectorCount && !visited.mark(difat))) throw this.subject.damaged('its allocation chain loops');
      const words = this.sectorWords(difat);
      for (let i = 0; i < this.perSector - 1 && found < fatCount; i++) {
        const s = words.getUint32(i * 4, true);
        if (s !== FREESECT) list[found++] = s;
      }
      difat = words.getUint32((this.perSector - 1) * 4, true);
    }
    if (found < fatCount) throw this.subject.damaged('its allocation table is incomplete');
    return list;
  }

  /** The allocation table's entry for `sector`, loading its table sector on first use. */
  private next(sector: number, what: string): number {
    const index = Math.floor(sector / this.perSector);
    const fatSector = this.fatSectors[index];
    if (fatSector === undefined) throw this.subject.damaged(`the ${what} points outside the file`);
    let words = this.fatCache.get(index);
    if (!words) {
      words = this.sectorWords(fatSector);
      this.fatCache.set(index, words);
    }
    return words.getUint32((sector % this.perSector) * 4, true);
  }

  private readonly fatNext = (what: string) => (s: number) => this.next(s, what);

  /** A stream of `size` bytes in regular sectors from `start`. */
  private openChain(start: number, size: number, what: string): StreamReader {
    const needed = Math.ceil(size / this.sectorSize);
    if (needed > this.sectorCount) throw this.subject.damaged(`the ${what} claims ${size} bytes, more than the file holds`);
    if (needed > 0 && start === ENDOFCHAIN) throw this.subject.damaged(`the ${what} is shorter than its size`);
    const chain = new Chain(start, this.sectorCount, needed, this.fatNext(what), what, this.subject);
    return new ChainStream(size, chain, this.sectorSize, (first, count) => this.readSectors(first, count), what, this.subject);
  }

  /** The mini FAT, read through its own chain, and the container of all small streams (the root's stream). */
  private miniParts(): { fat: StreamReader; container: StreamReader } {
    if (this.miniFat === null || this.miniContainer === null) {
      const fatStart = this.u32(0x3c);
      const fatSectors = fatStart === ENDOFCHAIN ? 0 : this.u32(0x40);
      if (fatSectors > this.sectorCount) throw this.subject.damaged(`its header counts ${fatSectors} small-stream table sectors in a file of ${this.sectorCount} sectors`);
      this.miniFat = new WindowReader(this.openChain(fatStart, fatSectors * this.sectorSize, 'small-stream table'), this.sectorSize);
      const root = this.entry(0);
      this.miniContainer = this.openChain(root.start, root.start === ENDOFCHAIN ? 0 : root.size, 'small-stream container');
    }
    return { fat: this.miniFat, container: this.miniContainer };
  }

  private readonly miniNext = (s: number): number => {
    const { fat } = this.miniParts();
    if ((s + 1) * 4 > fat.size) return FREESECT;
    const word = fat.read(s * 4, 4);
    return ((word[0] ?? 0) | ((word[1] ?? 0) << 8) | ((word[2] ?? 0) << 16) | ((word[3] ?? 0) << 24)) >>> 0;
  };

  /** `entrySize` bytes of the directory at `offset`, from a small cache of its sectors. */
  private directoryBytes(offset: number): Uint8Array {
    const index = Math.floor(offset / this.sectorSize);
    let bytes = this.directoryCache.get(index);
    if (!bytes) {
      const sector = this.directory.unitAt(index);
      if (sector === undefined) throw this.subject.damaged('its directory tree is broken');
      bytes = this.readSectors(sector, 1);
      if (bytes.length < this.sectorSize) throw this.subject.damaged('it ends inside a sector');
      if (this.directoryCache.size >= 256) this.directoryCache.clear();
      this.directoryCache.set(index, bytes);
    }
    const at = offset % this.sectorSize;
    return bytes.subarray(at, at + entrySize);
  }

  /** Directory entry `i`, read from the directory stream when asked for. */
  private entry(i: number): DirEntry {
    if (i >= this.maxEntries) throw this.subject.damaged('its directory tree is broken');
    const bytes = this.directoryBytes(i * entrySize);
    const view = new DataView(bytes.buffer, bytes.byteOffset, entrySize);
    const nameBytes = Math.min(view.getUint16(0x40, true), 64);
    let name = '';
    for (let k = 0; k + 1 < nameBytes - 1; k += 2) name += String.fromCharCode(view.getUint16(k, true));
    return {
      name,
      type: view.getUint8(0x42),
      left: view.getUint32(0x44, true),
      right: view.getUint32(0x48, true),
      child: view.getUint32(0x4c, true),
      start: view.getUint32(0x74, true),
      // Version 3 files keep 32-bit sizes; the high word "SHOULD be ignored" ([MS-CFB] 2.6.3).
      size: view.getUint32(0x78, true),
    };
  }

  /** Visits the streams of the root storage in tree order, each entry at most once; stops when `visit` returns true. */
  private walkRoot(visit: (e: DirEntry) => boolean): void {
    const visited = new Visited(this.maxEntries);
    const stack: number[] = [];
    const push = (i: number) => i !== NOSTREAM && stack.push(i);
    push(this.entry(0).child);
    for (let seen = 0; stack.length > 0; seen++) {
      const i = stack.pop() ?? NOSTREAM;
      if (i >= this.maxEntries || !visited.mark(i)) throw this.subject.damaged('its directory tree is broken');
      if (seen >= maxStreams) throw this.subject.damaged(`its directory lists more than ${maxStreams} entries`);
      const e = this.entry(i);
      if (e.type === 2 && visit(e)) return;
      push(e.right);
      push(e.left);
    }
  }

  /** The streams directly in the root storage (where an MSI keeps its tables), in tree order. */
  rootStreams(): CompoundStream[] {
    const out: CompoundStream[] = [];
    this.walkRoot((e) => {
      out.push({ name: e.name, size: e.size });
      return false;
    });
    return out;
  }

  private findRoot(name: string): DirEntry | null {
    let found: DirEntry | null = null;
    this.walkRoot((e) => {
      if (e.name !== name) return false;
      found = e;
      return true;
    });
    return found;
  }

  /** The size a stream of the root storage claims, before anything of it is read; null when there is none. */
  rootStreamSize(name: string): number | null {
    return this.findRoot(name)?.size ?? null;
  }

  /** A stream of the root storage by its raw (encoded) name, to read by offset, or null. */
  openRootStream(name: string): StreamReader | null {
    const found = this.findRoot(name);
    return found === null ? null : this.openEntry(found);
  }

  /** A whole stream of the root storage by its raw name, or null: for streams known to be small. */
  readRootStream(name: string): Uint8Array | null {
    const stream = this.openRootStream(name);
    return stream === null ? null : stream.read(0, stream.size);
  }

  private openEntry(e: DirEntry): StreamReader {
    const what = `stream ${JSON.stringify(e.name)}`;
    if (e.size >= miniCutoff) return this.openChain(e.start, e.size, what);
    if (e.size === 0) return this.openChain(ENDOFCHAIN, 0, what);
    const { container } = this.miniParts();
    const limit = Math.floor(container.size / miniSectorSize);
    const needed = Math.ceil(e.size / miniSectorSize);
    if (needed > limit) throw this.subject.damaged(`the small ${what} claims ${e.size} bytes, more than the small-stream container holds`);
    const chain = new Chain(e.start, limit, needed, this.miniNext, `small-stream chain of ${what}`, this.subject);
    return new ChainStream(e.size, chain, miniSectorSize, (first, count) => container.read(first * miniSectorSize, Math.min(count * miniSectorSize, container.size - first * miniSectorSize)), what, this.subject);
  }
}
