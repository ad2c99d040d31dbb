import { describe, expect, it } from 'vitest';
import { computerProgramDefaults, type ApiResult, type ProgramDto } from '../../../core/api';
import { createProgramsStore } from './programs-store';

function program(name: string, extra: Partial<ProgramDto> = {}): ProgramDto {
  return {
    ...computerProgramDefaults,
    kind: 'computer',
    name,
    commandLine: 'setup.exe',
    packageId: 'A0100001',
    programFlags: 0,
    diskSpaceReq: 'Unknown',
    dependentProgram: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
    ...extra,
  } as ProgramDto;
}

describe('programs store', () => {
  it('reads a package\'s programs and follows created, renamed and deleted programs', async () => {
    const store = createProgramsStore({ list: async () => ({ ok: true, value: [program('Setup')] }) });
    // Events for a package the console has not read are ignored.
    store.getState().applyChange({ change: 'created', packageId: 'A0100001', programName: 'X', program: program('X') });
    expect(store.getState().lists.A0100001).toBeUndefined();
    await store.getState().load('A0100001');
    store.getState().applyChange({ change: 'created', packageId: 'A0100001', programName: 'Silent', program: program('Silent') });
    store.getState().applyChange({
      change: 'updated',
      packageId: 'A0100001',
      programName: 'Unattended',
      previousName: 'Silent',
      program: program('Unattended'),
    });
    store.getState().applyChange({ change: 'deleted', packageId: 'A0100001', programName: 'Setup', program: null });
    expect(store.getState().lists.A0100001?.items.map((p) => p.name)).toEqual(['Unattended']);
  });

  it('tells programs apart as the site database does: "Install" is "INSTALL", "École" is not "école"', async () => {
    const store = createProgramsStore({ list: async () => ({ ok: true, value: [program('école'), program('Install')] }) });
    await store.getState().load('A0100001');
    store.getState().applyChange({ change: 'created', packageId: 'A0100001', programName: 'École', program: program('École') });
    store.getState().applyChange({ change: 'updated', packageId: 'A0100001', programName: 'INSTALL', program: program('INSTALL', { commandLine: 'new.exe' }) });
    expect(store.getState().lists.A0100001?.items.map((p) => `${p.name}:${p.commandLine}`)).toEqual(['école:setup.exe', 'INSTALL:new.exe', 'École:setup.exe']);
    // Only A–Z fold: "ÉCOLE" is "École", and "école" stays.
    store.getState().applyChange({ change: 'deleted', packageId: 'A0100001', programName: 'ÉCOLE', program: null });
    expect(store.getState().lists.A0100001?.items.map((p) => p.name)).toEqual(['école', 'INSTALL']);
  });

  it('replays events that arrive during a refresh onto its answer', async () => {
    let answer: (value: ApiResult<readonly ProgramDto[]>) => void = () => undefined;
    const store = createProgramsStore({
      list: () => new Promise((resolve) => (answer = resolve)),
    });
    const first = store.getState().load('A0100001');
    answer({ ok: true, value: [] });
    await first;
    const second = store.getState().load('A0100001');
    store.getState().applyChange({ change: 'created', packageId: 'A0100001', programName: 'New', program: program('New') });
    answer({ ok: true, value: [] });
    await second;
    expect(store.getState().lists.A0100001?.items.map((p) => p.name)).toEqual(['New']);
  });

  it('keeps the list on a failed refresh and says why', async () => {
    let fail = false;
    const store = createProgramsStore({
      list: async () => (fail ? { ok: false, error: { code: 'INTERNAL', message: 'Locked.' } } : { ok: true, value: [program('Setup')] }),
    });
    await store.getState().load('A0100001');
    fail = true;
    await store.getState().load('A0100001');
    expect(store.getState().lists.A0100001).toMatchObject({ status: 'ready', error: 'Locked.' });
    expect(store.getState().lists.A0100001?.items).toHaveLength(1);
  });
});
