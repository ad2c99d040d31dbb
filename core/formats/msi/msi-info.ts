import { CourierError, productCodePattern } from '../../api';
import { decodeWindows1252 } from '../package-definition/windows-1252';
import { bytesSource, CompoundFile, type ByteSource } from './compound-file';
import { encodeStreamName } from './stream-names';

/** What the Create Package From Definition wizard takes from an .msi (sccm-formats §1, seed). */
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
const field = 'msiFile';

function refuse(message: string): never {
  throw new CourierError('VALIDATION_FAILED', message, field);
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

/** The string table: `!_StringPool` holds (length, refcount) pairs, `!_StringData` the bytes. */
function readStrings(cfb: CompoundFile): { strings: string[]; refSize: 2 | 3 } {
  const pool = cfb.readRootStream(encodeStreamName('_StringPool', true));
  const data = cfb.readRootStream(encodeStreamName('_StringData', true));
  if (pool === null || data === null) refuse('This compound file is not a Windows Installer database: it has no string table.');
  if (pool.length < 4 || pool.length % 4 !== 0) refuse('This Windows Installer file is damaged: its string pool has a wrong size.');
  const view = new DataView(pool.buffer, pool.byteOffset, pool.byteLength);
  const header = view.getUint32(0, true);
  const decoder = decoderFor(header & 0x7fffffff);
  const strings: string[] = [''];
  let offset = 0;
  const count = pool.length / 4;
  // As msitools and Wine read it (msi_load_string_table): string ids count from 1; an entry
  // (0, 0) is an empty id; an entry (0, n) announces a string over 64 KB whose length is the
  // next entry's words (high word in its second field), and both entries make one id.
  for (let i = 1; i < count; ) {
    const len0 = view.getUint16(i * 4, true);
    const refs = view.getUint16(i * 4 + 2, true);
    if (len0 === 0 && refs === 0) {
      strings.push('');
      i += 1;
      continue;
    }
    let len = len0;
    if (len0 === 0) {
      if (i + 1 >= count) refuse('This Windows Installer file is damaged: its string pool ends early.');
      len = view.getUint16((i + 1) * 4 + 2, true) * 0x10000 + view.getUint16((i + 1) * 4, true);
      i += 2;
    } else {
      i += 1;
    }
    if (offset + len > data.length) refuse('This Windows Installer file is damaged: its string data is shorter than its string pool.');
    strings.push(decoder.decode(data.subarray(offset, offset + len)));
    offset += len;
  }
  return { strings, refSize: (header & 0x80000000) !== 0 ? 3 : 2 };
}

/** Every row of the Property table (Property, Value), through the string table. */
export function readMsiProperties(input: Uint8Array | ByteSource, maxBytes = maxMsiBytes): Map<string, string> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  if (source.size > maxBytes) refuse(`This file is ${source.size} bytes; Courier reads Windows Installer files of at most ${maxBytes} bytes.`);
  const cfb = new CompoundFile(source);
  const table = cfb.readRootStream(encodeStreamName('Property', true));
  if (table === null) refuse('This compound file is not a Windows Installer database: it has no Property table.');
  const { strings, refSize } = readStrings(cfb);
  const rowBytes = refSize * 2;
  if (table.length % rowBytes !== 0) refuse('This Windows Installer file is damaged: its Property table has a wrong size.');
  const rows = table.length / rowBytes;
  const ref = (at: number): number => (refSize === 2 ? (table[at] ?? 0) | ((table[at + 1] ?? 0) << 8) : (table[at] ?? 0) | ((table[at + 1] ?? 0) << 8) | ((table[at + 2] ?? 0) << 16));
  const properties = new Map<string, string>();
  // Tables are stored by column: every row's Property, then every row's Value.
  for (let r = 0; r < rows; r++) {
    const key = strings[ref(r * refSize)];
    const value = strings[ref(rows * refSize + r * refSize)];
    if (key === undefined || value === undefined) refuse('This Windows Installer file is damaged: its Property table names a string that does not exist.');
    if (key !== '' && !properties.has(key)) properties.set(key, value);
  }
  return properties;
}

/** ProductCode, ProductName, ProductVersion, Manufacturer, UpgradeCode and ProductLanguage of an .msi. */
export function readMsiInfo(input: Uint8Array | ByteSource, maxBytes = maxMsiBytes): MsiInfo {
  const p = readMsiProperties(input, maxBytes);
  const productCode = p.get('ProductCode') ?? '';
  if (productCode === '') refuse('This Windows Installer file has no ProductCode property.');
  if (!productCodePattern.test(productCode)) refuse(`This Windows Installer file's ProductCode "${productCode.slice(0, 60)}" is not a GUID in braces.`);
  return {
    productCode,
    productName: p.get('ProductName') ?? '',
    productVersion: p.get('ProductVersion') ?? '',
    manufacturer: p.get('Manufacturer') ?? '',
    upgradeCode: p.get('UpgradeCode') ?? '',
    productLanguage: p.get('ProductLanguage') ?? '',
  };
}
