import { productCodePattern, truncateText } from '../../api';
import { decodeWindows1252 } from '../package-definition/windows-1252';
import { bytesSource, CompoundFile, MsiSubject, WindowReader, type ByteSource } from './compound-file';
import { encodeStreamName } from './stream-names';

/** What the Create Package From Definition wizard takes from an .msi (docs/software-distribution.md#create-package-from-definition). */
export interface MsiInfo {
  readonly productCode: string;
  readonly productName: string;
  readonly productVersion: string;
  readonly manufacturer: string;
  /** '' when the product has none. */
  readonly upgradeCode: string;
  /** A Windows language id such as 1033; '' when absent. */
  readonly productLanguage: string;
}

/**
 * Installers with embedded cabinets reach hundreds of MB, and Windows Installer packages stop at
 * 2 GiB. Only the sectors of the tables read are loaded, so a file source never costs its size.
 */
export const maxMsiBytes = 2 * 1024 * 1024 * 1024;

/** A property value longer than this is not a product property (a ProductName is a line of text). */
export const maxPropertyValueBytes = 64 * 1024;

/** `readMsiProperties` reads whole Property tables of at most this many rows (real ones have hundreds). */
export const maxPropertyRows = 100_000;

export interface MsiReadOptions {
  /** Refuse larger files before reading them (default 2 GiB). */
  readonly maxBytes?: number;
  /** The file's path, for messages. */
  readonly file?: string;
}

function decoderFor(codepage: number): { decode(input: Uint8Array): string } {
  // 0 is the neutral code page (ASCII in practice); Node's 'windows-1252' decoder is ISO-8859-1.
  if (codepage === 0 || codepage === 1252) return { decode: decodeWindows1252 };
  const label = codepage === 65001 ? 'utf-8' : `windows-${codepage}`;
  const byCodepage: Record<number, string> = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5' };
  try {
    return new TextDecoder(byCodepage[codepage] ?? label);
  } catch {
    return { decode: decodeWindows1252 };
  }
}

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);

/** Pool and table columns are read this much at a time. */
const poolChunkBytes = 64 * 1024;

/**
 * The string table, streamed: `!_StringPool` holds a header and (length, refcount) pairs,
 * `!_StringData` the bytes of every string in order. Neither is read whole, and no string is
 * decoded unless asked for, so a pool of millions of entries costs one pass and no memory.
 */
class StringTable {
  readonly refSize: 2 | 3;
  /** String ids run from 1 to this. */
  readonly count: number;
  private readonly decoder: { decode(input: Uint8Array): string };

  constructor(
    private readonly pool: WindowReader,
    private readonly data: WindowReader,
    private readonly subject: MsiSubject,
  ) {
    if (pool.size < 4 || pool.size % 4 !== 0) throw subject.damaged('its string pool has a wrong size');
    const header = pool.read(0, 4);
    const word = (header[0] ?? 0) | ((header[1] ?? 0) << 8) | ((header[2] ?? 0) << 16) | ((header[3] ?? 0) << 24);
    this.refSize = (word & 0x80000000) !== 0 ? 3 : 2;
    this.decoder = decoderFor(word & 0x7fffffff);
    const entries = pool.size / 4 - 1;
    // A string id is a 2- or 3-byte reference; a string over 64 KB takes two pool entries.
    const maxIds = this.refSize === 2 ? 0xffff : 0xffffff;
    if (entries > maxIds * 2) throw subject.damaged(`its string pool has ${entries} entries, and its ${this.refSize}-byte string references reach at most ${maxIds} strings`);
    this.count = this.walk(() => false);
  }

  /**
   * Visits every string id with where its bytes are, in pool order, as msitools and Wine read the
   * pool (msi_load_string_table): an entry (0, 0) is an empty id; an entry (0, n) announces a string
   * over 64 KB whose length is the next entry's words (high word in its second field), and both
   * entries make one id. Stops when `visit` returns true; returns the number of ids visited.
   */
  walk(visit: (id: number, offset: number, length: number) => boolean): number {
    const entries = this.pool.size / 4;
    let offset = 0;
    let id = 0;
    let chunk: Uint8Array = new Uint8Array(0);
    let chunkStart = 0;
    // The pool is read in chunks of whole entries; `at` finds entry i in the chunk holding it.
    const at = (i: number): number => {
      if (i * 4 < chunkStart || i * 4 + 4 > chunkStart + chunk.length) {
        chunkStart = i * 4;
        chunk = this.pool.read(chunkStart, Math.min(poolChunkBytes, this.pool.size - chunkStart));
      }
      return i * 4 - chunkStart;
    };
    for (let i = 1; i < entries; ) {
      const here = at(i);
      const len0 = u16(chunk, here);
      const refs = u16(chunk, here + 2);
      let length = len0;
      if (len0 === 0 && refs !== 0) {
        if (i + 1 >= entries) throw this.subject.damaged('its string pool ends early');
        const high = at(i + 1);
        length = u16(chunk, high + 2) * 0x10000 + u16(chunk, high);
        i += 2;
      } else {
        i += 1;
      }
      id += 1;
      if (offset + length > this.data.size) throw this.subject.damaged('its string data is shorter than its string pool');
      if (visit(id, offset, length)) return id;
      offset += length;
    }
    return id;
  }

  /** The bytes of a string the walk found, decoded in the database's code page. */
  text(offset: number, length: number): string {
    return this.decoder.decode(this.data.read(offset, length));
  }

  /** The strings of `ids`, in one pass; values longer than `maxLength` bytes are refused. */
  strings(ids: ReadonlySet<number>, maxLength: number, what: (id: number) => string): Map<number, string> {
    const found = new Map<number, string>();
    if (ids.size === 0) return found;
    this.walk((id, offset, length) => {
      if (!ids.has(id)) return false;
      if (length > maxLength) throw this.subject.refuse(`has a ${what(id)} of ${length} bytes; Courier reads property values of at most ${maxLength} bytes.`);
      found.set(id, this.text(offset, length));
      return found.size === ids.size;
    });
    return found;
  }

  /** The ids whose string is one of `wanted` (compared as bytes of ASCII names, which every code page shares). */
  idsOf(wanted: readonly string[]): Map<number, string> {
    const lengths = new Set(wanted.map((w) => w.length));
    const ids = new Map<number, string>();
    const copies = new Map<string, number>();
    this.walk((id, offset, length) => {
      if (!lengths.has(length)) return false;
      const text = this.text(offset, length);
      if (!wanted.includes(text)) return false;
      // A real pool holds each string once; a few copies are tolerated, a pool of them is not.
      const n = (copies.get(text) ?? 0) + 1;
      if (n > 16) throw this.subject.damaged(`its string pool holds "${text}" more than 16 times`);
      copies.set(text, n);
      ids.set(id, text);
      return false;
    });
    return ids;
  }
}

/** The Property table, streamed by columns: every row's Property, then every row's Value. */
class PropertyTable {
  readonly rows: number;

  constructor(
    private readonly table: WindowReader,
    private readonly strings: StringTable,
    private readonly subject: MsiSubject,
  ) {
    const rowBytes = strings.refSize * 2;
    if (table.size % rowBytes !== 0) throw subject.damaged('its Property table has a wrong size');
    this.rows = table.size / rowBytes;
    // Property is the table's key: no more rows than there are strings.
    if (this.rows > strings.count) throw subject.damaged(`its Property table has ${this.rows} rows but its string pool only ${strings.count} strings`);
  }

  /** Each row's string id in one column (0 keys, 1 values), in row order; stops when `visit` returns true. */
  column(which: 0 | 1, visit: (row: number, id: number) => boolean): void {
    const size = this.strings.refSize;
    const base = which * this.rows * size;
    const perChunk = Math.floor(poolChunkBytes / size);
    for (let first = 0; first < this.rows; first += perChunk) {
      const count = Math.min(perChunk, this.rows - first);
      const bytes = this.table.read(base + first * size, count * size);
      for (let k = 0; k < count; k++) {
        const at = k * size;
        const id = size === 2 ? u16(bytes, at) : u16(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
        if (id > this.strings.count) throw this.subject.damaged('its Property table names a string that does not exist');
        if (visit(first + k, id)) return;
      }
    }
  }

  valueAt(row: number): number {
    const size = this.strings.refSize;
    const bytes = this.table.read((this.rows + row) * size, size);
    const id = size === 2 ? u16(bytes, 0) : u16(bytes, 0) | ((bytes[2] ?? 0) << 16);
    if (id > this.strings.count) throw this.subject.damaged('its Property table names a string that does not exist');
    return id;
  }
}

function open(input: Uint8Array | ByteSource, options: MsiReadOptions): { strings: StringTable; table: PropertyTable; subject: MsiSubject } {
  const subject = new MsiSubject(options.file);
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const maxBytes = options.maxBytes ?? maxMsiBytes;
  if (source.size > maxBytes) throw subject.refuse(`is ${source.size} bytes; Courier reads Windows Installer files of at most ${maxBytes} bytes.`);
  const cfb = new CompoundFile(source, subject);
  const tableName = encodeStreamName('Property', true);
  if (cfb.rootStreamSize(tableName) === null) throw subject.notDatabase('it has no Property table');
  const pool = cfb.openRootStream(encodeStreamName('_StringPool', true));
  const data = cfb.openRootStream(encodeStreamName('_StringData', true));
  if (pool === null || data === null) throw subject.notDatabase('it has no string table');
  const strings = new StringTable(new WindowReader(pool), new WindowReader(data), subject);
  const table = new PropertyTable(new WindowReader(cfb.openRootStream(tableName) ?? pool), strings, subject);
  return { strings, table, subject };
}

/** Every row of the Property table (Property, Value), through the string table; for tables of at most maxPropertyRows rows. */
export function readMsiProperties(input: Uint8Array | ByteSource, options: MsiReadOptions = {}): Map<string, string> {
  const { strings, table, subject } = open(input, options);
  if (table.rows > maxPropertyRows) throw subject.refuse(`has ${table.rows} properties; Courier lists at most ${maxPropertyRows}.`);
  const keys = new Uint32Array(table.rows);
  const values = new Uint32Array(table.rows);
  const ids = new Set<number>();
  table.column(0, (row, id) => {
    keys[row] = id;
    ids.add(id);
    return false;
  });
  table.column(1, (row, id) => {
    values[row] = id;
    ids.add(id);
    return false;
  });
  const text = strings.strings(new Set([...ids].filter((id) => id !== 0)), maxPropertyValueBytes, () => 'property value');
  const properties = new Map<string, string>();
  for (let r = 0; r < table.rows; r++) {
    const key = text.get(keys[r] ?? 0) ?? '';
    const value = text.get(values[r] ?? 0) ?? '';
    if (key !== '' && !properties.has(key)) properties.set(key, value);
  }
  return properties;
}

const productProperties = ['ProductCode', 'ProductName', 'ProductVersion', 'Manufacturer', 'UpgradeCode', 'ProductLanguage'] as const;
type ProductProperty = (typeof productProperties)[number];

/**
 * ProductCode, ProductName, ProductVersion, Manufacturer, UpgradeCode and ProductLanguage of an
 * .msi. The string pool is walked to find the six names, the Property table's key column to find
 * their rows, and the pool once more for the six values: memory stays bounded whatever the tables' size.
 */
export function readMsiInfo(input: Uint8Array | ByteSource, options: MsiReadOptions = {}): MsiInfo {
  const { strings, table, subject } = open(input, options);
  const nameIds = strings.idsOf(productProperties);
  const valueIds = new Map<ProductProperty, number>();
  table.column(0, (row, id) => {
    const name = nameIds.get(id) as ProductProperty | undefined;
    if (name !== undefined && !valueIds.has(name)) valueIds.set(name, table.valueAt(row));
    return valueIds.size === productProperties.length;
  });
  const names = new Map([...valueIds].map(([name, id]) => [id, name]));
  const text = strings.strings(new Set([...valueIds.values()].filter((id) => id !== 0)), maxPropertyValueBytes, (id) => names.get(id) ?? 'property');
  const value = (name: ProductProperty): string => text.get(valueIds.get(name) ?? 0) ?? '';
  const productCode = value('ProductCode');
  if (productCode === '') throw subject.refuse('has no ProductCode property.');
  if (!productCodePattern.test(productCode)) throw subject.refuse(`has a ProductCode, "${truncateText(productCode, 60)}", that is not a GUID in braces.`);
  return {
    productCode,
    productName: value('ProductName'),
    productVersion: value('ProductVersion'),
    manufacturer: value('Manufacturer'),
    upgradeCode: value('UpgradeCode'),
    productLanguage: value('ProductLanguage'),
  };
}
