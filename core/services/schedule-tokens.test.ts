import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { value } from '../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';

let data: TempDir;
let core: Core;

beforeEach(() => {
  data = makeTempDir('courier-schedule-tokens-');
  core = createCore({ dataDir: join(data.path, 'site') });
});
afterEach(() => {
  core.close();
  data.remove();
});

describe('schedules:encode and schedules:decode', () => {
  it('turns schedule objects into the suite\'s tokens and back, durations included', async () => {
    const weekly = { type: 'weekly' as const, start: '2026-12-06T02:00', isGmt: true, hourDuration: 2, minuteDuration: 30, day: 1 };
    const { tokens } = value(await core.client['schedules:encode']({ schedules: [weekly] }));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/^[0-9A-F]{16}$/);
    const { schedules } = value(await core.client['schedules:decode']({ tokens: [...tokens, '00012CC0001A2000'].join('') }));
    expect(schedules[0]).toMatchObject({ ...weekly, dayDuration: 0, forNumberOfWeeks: 1 });
    expect(schedules[1]).toMatchObject({ token: '00012CC0001A2000', type: 'weekly', isGmt: false });
  });

  it('refuses a token the suite would not have written, naming which', async () => {
    expect(await core.client['schedules:decode']({ tokens: '00012CC0001A20000001200000380000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'tokens', message: expect.stringMatching(/type code 7/) },
    });
  });
});
