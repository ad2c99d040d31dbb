import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxListedEntries } from '../api';
import { refusal, useMappedSources } from '../../test/helpers/mapped-sources';
import { isInKernelFolder, kernelMountPointsIn } from './kernel-folders';
import { listFiles, listFolders } from './server-folders';

const sources = useMappedSources('courier-folders-');
const access = sources.access;

describe('browsing folders', () => {
  it('lists a mapped UNC folder with UNC paths, as the package will keep them; above the mapped share are the roots', async () => {
    writeFileSync(join(sources.mount, 'not-a-folder.txt'), '');
    expect(await listFolders('\\\\fs01\\sources\\', access())).toEqual({
      path: '\\\\fs01\\sources',
      parent: '',
      folders: [
        { name: 'Office', path: '\\\\fs01\\sources\\Office' },
        { name: 'Viewer', path: '\\\\fs01\\sources\\Viewer' },
      ],
      truncated: false,
    });
    expect(await listFolders('\\\\fs01\\sources\\Office', access())).toMatchObject({ parent: '\\\\fs01\\sources', folders: [{ name: '2007' }] });
  });

  it('lists local folders with .. resolved, and refuses relative paths', async () => {
    expect(await listFolders(join(sources.mount, 'Office', '..'), access())).toMatchObject({ path: sources.mount, parent: join(sources.temp.path, 'mnt', 'fs01') });
    for (const path of ['.', 'mnt', '..\\x']) expect((await refusal(listFolders(path, access()))).message).toMatch(/relative path/);
    expect((await refusal(listFolders('\\\\.\\pipe\\x', access()))).message).toMatch(/is a Windows device path/);
  });

  it('starts at the mapped UNC roots and the server root; / is a root under them', async () => {
    const mappings = [
      { uncPrefix: '\\\\fs02\\apps', localPath: join(sources.temp.path, 'apps') },
      { uncPrefix: '\\\\fs01\\sources', localPath: sources.mount },
    ];
    expect(await listFolders('', access({ mappings }))).toEqual({
      path: '',
      parent: null,
      folders: [
        { name: '\\\\fs01\\sources', path: '\\\\fs01\\sources' },
        { name: '\\\\fs02\\apps', path: '\\\\fs02\\apps' },
        { name: '/', path: '/' },
      ],
      truncated: false,
    });
    expect(await listFolders('/', access({ mappings }))).toMatchObject({ path: '/', parent: '' });
  });

  it('never lists the kernel folders /proc, /sys and /dev, nor links to them (it listed them, then refused them)', async () => {
    const root = await listFolders('/', access());
    const names = root.folders.map((folder) => folder.name);
    expect(names).toEqual(expect.arrayContaining(['etc', 'tmp']));
    for (const kernel of ['proc', 'sys', 'dev']) expect(names).not.toContain(kernel);

    symlinkSync('/proc', join(sources.mount, 'processes'));
    symlinkSync('/dev', join(sources.mount, 'devices'));
    symlinkSync('/sys/kernel', join(sources.mount, 'kernel'));
    symlinkSync(join(sources.mount, 'Office'), join(sources.mount, 'Office link'));
    expect((await listFolders(sources.mount, access())).folders.map((folder) => folder.name)).toEqual(['Office', 'Office link', 'Viewer']);
    expect((await refusal(listFolders('/dev', access()))).message).toBe("/dev is in the kernel's /dev folder, which holds devices and live system state, not files; choose a folder.");
    expect((await refusal(listFolders(join(sources.mount, 'devices'), access()))).message).toMatch(/in the kernel's \/dev folder/);
  });

  it('finds kernel file systems mounted anywhere from mountinfo, spaces in their paths included', () => {
    const mountinfo = [
      '22 1 0:21 / /proc rw,nosuid - proc proc rw',
      '23 1 8:1 / / rw - ext4 /dev/sda1 rw',
      '40 23 0:35 / /srv/chroot/my\\040root/proc rw - proc proc rw',
      '41 23 0:36 / /mnt/fs01 rw - cifs //fs01/sources rw',
      '42 23 0:37 / /srv/cg rw shared:9 - cgroup2 cgroup2 rw',
    ].join('\n');
    const points = kernelMountPointsIn(mountinfo);
    expect([...points].sort()).toEqual(['/proc', '/srv/cg', '/srv/chroot/my root/proc']);
    expect(isInKernelFolder('/srv/chroot/my root/proc/1/environ', points)).toBe(true);
    expect(isInKernelFolder('/srv/chroot/my root/etc', points)).toBe(false);
  });

  it('with browsing limited: starts at the roots and stays under them, and leaves out links that lead out', async () => {
    symlinkSync(sources.temp.path, join(sources.mount, 'up'));
    const limited = access({ sourceRoots: ['\\\\fs01\\sources', join(sources.temp.path, 'elsewhere')] });
    expect(await listFolders('', limited)).toEqual({
      path: '',
      parent: null,
      folders: [
        { name: join(sources.temp.path, 'elsewhere'), path: join(sources.temp.path, 'elsewhere') },
        { name: '\\\\fs01\\sources', path: '\\\\fs01\\sources' },
      ],
      truncated: false,
    });
    expect(await listFolders('\\\\fs01\\sources', limited)).toMatchObject({ parent: '', folders: [{ name: 'Office' }, { name: 'Viewer' }] });
    expect(await listFolders(sources.mount, limited)).toMatchObject({ path: sources.mount, parent: '' });
    for (const path of [sources.temp.path, join(sources.mount, '..'), '/', join(sources.mount, 'up')]) {
      expect((await refusal(listFolders(path, limited))).code, path).toBe('FORBIDDEN');
    }
  });
});

describe('listing files for the Open dialog', () => {
  it('lists folders, then the files of the types asked (any case), with size and date', async () => {
    const office = join(sources.mount, 'Office');
    writeFileSync(join(office, 'Office.MSI'), 'x'.repeat(1234));
    writeFileSync(join(office, 'office.sms'), '[PDF]');
    writeFileSync(join(office, 'readme.txt'), 'read me');
    utimesSync(join(office, 'Office.MSI'), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
    expect(await listFiles(office, ['.msi'], access())).toEqual({
      path: office,
      parent: sources.mount,
      folders: [{ name: '2007', path: join(office, '2007') }],
      files: [{ name: 'Office.MSI', path: join(office, 'Office.MSI'), size: 1234, modified: '2026-01-02T03:04:05.000Z' }],
      truncated: false,
    });
    const definitions = await listFiles(office, ['.sms', '.pdf'], access());
    expect(definitions.files.map((file) => file.name)).toEqual(['office.sms']);
    const every = await listFiles(office, [], access());
    expect(every.files.map((file) => file.name)).toEqual(['Office.MSI', 'office.sms', 'readme.txt', 'setup.exe']);
  });

  it('keeps UNC paths for a mapped share and leaves out names a Windows share cannot hold', async () => {
    writeFileSync(join(sources.mount, 'Viewer', 'viewer.msi'), 'MSI');
    writeFileSync(join(sources.mount, 'Viewer', 'what?.msi'), 'MSI');
    const listed = await listFiles('\\\\FS01\\Sources\\Viewer', ['.msi'], access());
    expect(listed.files).toMatchObject([{ name: 'viewer.msi', path: '\\\\FS01\\Sources\\Viewer\\viewer.msi', size: 3 }]);
  });

  it('lists only regular files: never named pipes or sockets, links as the file they lead to', async () => {
    const folder = join(sources.mount, 'Viewer');
    execFileSync('mkfifo', [join(folder, 'pipe.msi')]);
    writeFileSync(join(folder, 'real.msi'), 'MSI!');
    symlinkSync(join(folder, 'real.msi'), join(folder, 'link.msi'));
    symlinkSync('/proc/self/environ', join(folder, 'environ.msi'));
    symlinkSync(join(folder, 'gone.msi'), join(folder, 'broken.msi'));
    const listed = await listFiles(folder, [], access());
    expect(listed.files.map((file) => [file.name, file.size])).toEqual([
      ['link.msi', 4],
      ['real.msi', 4],
    ]);
  });

  it('with browsing limited, leaves out files whose links lead out of the source roots', async () => {
    const outside = join(sources.temp.path, 'outside.msi');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(sources.mount, 'escape.msi'));
    writeFileSync(join(sources.mount, 'inside.msi'), 'MSI');
    const limited = access({ sourceRoots: ['\\\\fs01\\sources'] });
    expect((await listFiles(sources.mount, ['.msi'], limited)).files.map((file) => file.name)).toEqual(['inside.msi']);
    expect((await refusal(listFiles(sources.temp.path, ['.msi'], limited))).code).toBe('FORBIDDEN');
  });

  it(`lists at most ${maxListedEntries} entries and says when it left some out`, async () => {
    const big = join(sources.temp.path, 'big');
    mkdirSync(big);
    for (let i = 0; i <= maxListedEntries; i++) writeFileSync(join(big, `file${i}.msi`), '');
    const listed = await listFiles(big, ['.msi'], access());
    expect(listed.files).toHaveLength(maxListedEntries);
    expect(listed.truncated).toBe(true);
    expect(listed.files[9]?.name).toBe('file9.msi'); // by name, digits by value, as Explorer orders them
    expect((await listFiles(big, ['.sms'], access())).truncated).toBe(false);
  });
});
