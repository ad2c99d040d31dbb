import CFB from 'cfb';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourierError } from '../../api';
import { CompoundFile, decodeStreamName, encodeStreamName, readMsiInfo, readMsiProperties } from '.';

// Real MSIs, built by wixl (apt: wixl) and read back by msiinfo (apt: msitools) for comparison.
let dir = '';
const msi: Record<string, Uint8Array> = {};
const paths: Record<string, string> = {};

function wxs(product: string, body = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product ${product}>
    <Package InstallerVersion="200" Compressed="yes"/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    ${body}
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFilesFolder">
        <Directory Id="INSTALLDIR" Name="App">
          <Component Id="Main" Guid="{12345678-1234-1234-1234-123456789012}">
            <File Id="payload" Name="payload.bin" Source="payload.bin"/>
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Complete" Level="1"><ComponentRef Id="Main"/></Feature>
  </Product>
</Wix>`;
}

const builds: Record<string, string> = {
  viewer: wxs(
    'Id="{11111111-2222-3333-4444-555555555555}" Name="Contoso Viewer" Language="1033" Version="3.1.4" Manufacturer="Contoso Ltd" UpgradeCode="{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"',
    '<Property Id="CUSTOMPROP" Value="hello world"/>',
  ),
  accents: wxs(
    'Id="{22222222-2222-3333-4444-555555555555}" Name="Visionneuse “Générale”" Language="1036" Codepage="1252" Version="1.0.0" Manufacturer="Société Générale" UpgradeCode="{BBBBBBBB-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"',
  ),
  // 1,200 properties: the Property table and the string pool outgrow the 4 KB small-stream cutoff.
  many: wxs(
    'Id="{44444444-2222-3333-4444-555555555555}" Name="Many" Language="1033" Version="4.0.0" Manufacturer="Many Inc" UpgradeCode="{DDDDDDDD-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"',
    Array.from({ length: 1200 }, (_, i) => `<Property Id="PROP${i}" Value="value number ${i}"/>`).join('\n'),
  ),
};

/** msiinfo's view of the Property table: its export minus the three header lines. */
function msiinfoProperties(path: string): Map<string, string> {
  const lines = execFileSync('msiinfo', ['export', path, 'Property'], { encoding: 'utf8' }).split('\r\n').slice(3).filter((l) => l !== '');
  return new Map(lines.map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)]));
}

function refusal(bytes: Uint8Array, maxBytes?: number): string {
  try {
    readMsiInfo(bytes, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    expect((error as CourierError).code).toBe('VALIDATION_FAILED');
    return (error as CourierError).message;
  }
  throw new Error('expected the file to be refused');
}

/** A compound file made by `cfb`, with the given root streams. */
function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, name, Buffer.from(content));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** A string pool and a Property table by hand: the MSI layout without wixl. */
function handMadeMsi(rows: [string, string][]): Uint8Array {
  const strings = [...new Set(rows.flat())];
  const pool = new DataView(new ArrayBuffer(4 + strings.length * 4));
  const data = strings.map((s) => new TextEncoder().encode(s));
  data.forEach((d, i) => {
    pool.setUint16(4 + i * 4, d.length, true);
    pool.setUint16(6 + i * 4, 1, true);
  });
  pool.setUint32(0, 65001, true);
  const table = new DataView(new ArrayBuffer(rows.length * 4));
  rows.forEach(([k, v], r) => {
    table.setUint16(r * 2, strings.indexOf(k) + 1, true);
    table.setUint16(rows.length * 2 + r * 2, strings.indexOf(v) + 1, true);
  });
  return compound({
    [encodeStreamName('_StringPool', true)]: new Uint8Array(pool.buffer),
    [encodeStreamName('_StringData', true)]: Uint8Array.from(data.flatMap((d) => [...d])),
    [encodeStreamName('Property', true)]: new Uint8Array(table.buffer),
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-msi-'));
  // Random bytes do not compress: the embedded cabinet spans a few hundred sectors.
  writeFileSync(join(dir, 'payload.bin'), randomBytes(100_000));
  for (const [name, source] of Object.entries(builds)) {
    writeFileSync(join(dir, `${name}.wxs`), source);
    paths[name] = join(dir, `${name}.msi`);
    execFileSync('wixl', ['-o', `${name}.msi`, `${name}.wxs`], { cwd: dir });
    msi[name] = new Uint8Array(readFileSync(join(dir, `${name}.msi`)));
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('MSI product properties', () => {
  it('reads the product of a wixl-built MSI, as msiinfo does', () => {
    expect(readMsiInfo(msi.viewer!)).toEqual({
      productCode: '{11111111-2222-3333-4444-555555555555}',
      productName: 'Contoso Viewer',
      productVersion: '3.1.4',
      manufacturer: 'Contoso Ltd',
      upgradeCode: '{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}',
      productLanguage: '1033',
    });
  });

  it.each(Object.keys(builds))('%s: the whole Property table equals msiinfo export', (name) => {
    const expected = msiinfoProperties(paths[name]!);
    expect(expected.size).toBeGreaterThan(5);
    expect(readMsiProperties(msi[name]!)).toEqual(expected);
  });

  it('decodes the database code page: Windows-1252 (curly quotes too), and UTF-8 (65001, hand-made: wixl writes it empty)', () => {
    expect(readMsiInfo(msi.accents!)).toMatchObject({ manufacturer: 'Société Générale', productName: 'Visionneuse “Générale”', productLanguage: '1036' });
    const utf8 = handMadeMsi([
      ['ProductCode', '{33333333-2222-3333-4444-555555555555}'],
      ['ProductName', 'Просмотр 表示'],
      ['Manufacturer', 'Ōkami Ltd'],
    ]);
    expect(readMsiInfo(utf8)).toMatchObject({ manufacturer: 'Ōkami Ltd', productName: 'Просмотр 表示' });
  });

  it('reads a Property table kept in regular sectors (over 4 KB)', () => {
    const p = readMsiProperties(msi.many!);
    expect(p.get('PROP1199')).toBe('value number 1199');
    expect(new CompoundFile(msi.many!).rootStreams().find((s) => decodeStreamName(s.name) === '!Property')?.size).toBeGreaterThan(4096);
  });

  it('decodes stream names (U+3800–U+4840) to the names cfb and msitools show', () => {
    const ours = new CompoundFile(msi.viewer!).rootStreams().map((s) => s.name).sort();
    const theirs = CFB.parse(Buffer.from(msi.viewer!)).FileIndex.filter((e) => e.type === 2).map((e) => e.name).sort();
    expect(ours).toEqual(theirs);
    const names = ours.map(decodeStreamName);
    for (const table of ['!Property', '!_StringPool', '!_StringData', '!_Tables', '!_Columns', '!InstallExecuteSequence']) expect(names).toContain(table);
    expect(names).toContain('app.cab');
    for (const name of ['Property', '_StringPool', 'InstallExecuteSequence', 'a.b_c9']) expect(decodeStreamName(encodeStreamName(name, true))).toBe(`!${name}`);
  });

  it('reads a hand-made database (string pool, string data, Property) built with cfb', () => {
    const file = handMadeMsi([
      ['ProductCode', '{55555555-2222-3333-4444-555555555555}'],
      ['ProductName', 'Hand Made'],
    ]);
    expect(readMsiInfo(file)).toEqual({
      productCode: '{55555555-2222-3333-4444-555555555555}',
      productName: 'Hand Made',
      productVersion: '',
      manufacturer: '',
      upgradeCode: '',
      productLanguage: '',
    });
  });
});

describe('MSI files refused', () => {
  it('a file that is not a compound file, including a ZIP and a text file', () => {
    const notCfb = 'This is not a Windows Installer file: it is not an OLE compound file.';
    expect(refusal(new TextEncoder().encode('[PDF]\nVersion=2.0\n'))).toBe(notCfb);
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(600)]))).toBe(notCfb);
    expect(refusal(new Uint8Array(0))).toBe(notCfb);
  });

  it('a truncated MSI: cut inside the header, at half, and one sector short', () => {
    const whole = msi.viewer!;
    expect(refusal(whole.subarray(0, 300))).toMatch(/damaged or truncated: 300 bytes is shorter than the 512-byte header/);
    expect(refusal(whole.subarray(0, whole.length / 2))).toMatch(/damaged or truncated/);
    expect(refusal(whole.subarray(0, 1024))).toMatch(/damaged or truncated/);
  });

  it('every cut of an MSI either reads the same product or is refused as damaged', () => {
    const whole = msi.viewer!;
    const info = readMsiInfo(whole);
    for (let cut = 0; cut < whole.length; cut += 97) {
      let result;
      try {
        result = readMsiInfo(whole.subarray(0, cut));
      } catch (error) {
        expect(error).toBeInstanceOf(CourierError);
        continue;
      }
      expect(result).toEqual(info);
    }
  });

  it('a compound file without a Property table, and one without a string table', () => {
    expect(refusal(compound({ 'hello.txt': new TextEncoder().encode('hello') }))).toBe(
      'This compound file is not a Windows Installer database: it has no Property table.',
    );
    expect(refusal(compound({ [encodeStreamName('Property', true)]: new Uint8Array(8) }))).toBe(
      'This compound file is not a Windows Installer database: it has no string table.',
    );
  });

  it('an MSI without ProductCode, or with a ProductCode that is not a GUID', () => {
    expect(refusal(handMadeMsi([['ProductName', 'No Code']]))).toBe('This Windows Installer file has no ProductCode property.');
    expect(refusal(handMadeMsi([['ProductCode', 'not-a-guid']]))).toBe('This Windows Installer file has a ProductCode, "not-a-guid", that is not a GUID in braces.');
  });

  it('a file over the size bound is refused before it is parsed', () => {
    expect(refusal(msi.viewer!, 4096)).toBe(`This Windows Installer file is ${msi.viewer!.length} bytes; Courier reads Windows Installer files of at most 4096 bytes.`);
  });

  it('a sector chain that loops, and a directory tree that loops, end in an error', () => {
    const looped = new Uint8Array(msi.viewer!);
    const view = new DataView(looped.buffer);
    const dirStart = view.getUint32(0x30, true);
    const fatSector = view.getUint32(0x4c, true);
    view.setUint32(512 * (fatSector + 1) + dirStart * 4, dirStart, true);
    expect(refusal(looped)).toMatch(/the directory loops/);
    const tree = new Uint8Array(msi.viewer!);
    const treeView = new DataView(tree.buffer);
    const dirOffset = 512 * (dirStart + 1);
    const child = treeView.getUint32(dirOffset + 0x4c, true);
    treeView.setUint32(dirOffset + child * 128 + 0x44, child, true); // the root's child is its own left sibling
    expect(refusal(tree)).toMatch(/directory tree is broken/);
  });

  it('a stream whose chain starts past the end and loops (cfb 1.2.2 runs out of memory on it) costs nothing', () => {
    const b = new Uint8Array(msi.viewer!);
    const view = new DataView(b.buffer);
    const sectors = b.length / 512 - 1;
    const dirOffset = 512 * (view.getUint32(0x30, true) + 1);
    const big = Array.from({ length: 32 }, (_, i) => i).find((i) => view.getUint8(dirOffset + i * 128 + 0x42) === 2 && view.getUint32(dirOffset + i * 128 + 0x78, true) >= 4096);
    expect(big).toBeDefined();
    const j = sectors + 1;
    const fatSector = view.getUint32(0x4c + 4 * Math.floor(j / 128), true);
    expect(fatSector).not.toBe(0xffffffff);
    view.setUint32(dirOffset + big! * 128 + 0x74, j, true);
    view.setUint32(512 * (fatSector + 1) + (j % 128) * 4, j, true);
    // The tables are intact: the product is read; the broken stream is refused when it is read.
    expect(readMsiInfo(b).productName).toBe('Contoso Viewer');
    const cfb = new CompoundFile(b);
    const name = cfb.rootStreams().find((s) => s.size >= 4096)?.name ?? '';
    expect(() => cfb.readRootStream(name)).toThrow(/points outside the file/);
  });

  it('500 damaged copies (random bytes changed) each end at once, read or refused', () => {
    let state = 42;
    const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const started = performance.now();
    for (let n = 0; n < 500; n++) {
      const copy = new Uint8Array(msi.viewer!);
      for (let k = 0; k < 8; k++) copy[Math.floor(random() * 2048)] = Math.floor(random() * 256);
      try {
        readMsiInfo(copy);
      } catch (error) {
        expect(error).toBeInstanceOf(CourierError);
      }
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
