import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../core';
import { decodeScheduleTokens } from '../../core/formats/schedule-token';
import { value } from '../helpers/api-result';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let temp: TempDir;
let core: Core;
beforeAll(() => {
  temp = makeTempDir('courier-schedule-runs-');
  core = createCore({ dataDir: join(temp.path, 'site') });
});
afterAll(() => {
  core.close();
  temp.remove();
});

describe('schedules:next, as the Custom Schedule dialog asks it', () => {
  it('answers the merged run times of the schedules given, in UTC', async () => {
    const weekdays = decodeScheduleTokens(['02C159C0381A200002C159C0381B2000']).map((s) => ({ ...s, isGmt: true }));
    const answer = value(await core.client['schedules:next']({ schedules: weekdays, after: '2026-12-01T00:00:00Z', count: 3 }));
    expect(answer).toEqual({
      runs: [
        { at: '2026-12-01T22:00:00.000Z', schedules: [1] },
        { at: '2026-12-07T22:00:00.000Z', schedules: [0] },
        { at: '2026-12-08T22:00:00.000Z', schedules: [1] },
      ],
    });
  });

  it('lists five runs after now unless told otherwise', async () => {
    const before = Date.now();
    const { runs } = value(await core.client['schedules:next']({ schedules: [{ type: 'interval', start: '2026-01-01T00:00', minuteSpan: 1, isGmt: true }] }));
    expect(runs).toHaveLength(5);
    expect(Date.parse(runs[0]!.at)).toBeGreaterThan(before - 1000);
  });

  it('refuses a schedule the contract does not allow, naming the field', async () => {
    const answer = await core.client['schedules:next']({ schedules: [{ type: 'monthlyByDate', start: '2026-01-01T00:00', monthDay: 32 }] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'schedules.0.monthDay' } });
    const none = await core.client['schedules:next']({ schedules: [] });
    expect(none).toMatchObject({ ok: false, error: { message: 'Give at least one schedule.' } });
  });
});

describe('schedules:encode and schedules:decode, as the Assignment Schedule dialog asks them', () => {
  it('writes each schedule as its token and reads the tokens back as the same schedules', async () => {
    const weekly = { type: 'weekly', start: '2026-12-07T20:00', isGmt: true, day: 2, forNumberOfWeeks: 1 } as const;
    const once = { type: 'nonRecurring', start: '2026-12-24T18:30', isGmt: false } as const;
    const { tokens } = value(await core.client['schedules:encode']({ schedules: [weekly, once] }));
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => /^[0-9A-F]{16}$/.test(t))).toBe(true);
    const { schedules } = value(await core.client['schedules:decode']({ tokens: tokens.join('') }));
    expect(schedules).toMatchObject([
      { ...weekly, token: tokens[0] },
      { ...once, token: tokens[1] },
    ]);
    expect(value(await core.client['schedules:decode']({ tokens: '' }))).toEqual({ schedules: [] });
  });

  it('refuses a token the suite would not have written, naming it', async () => {
    const answer = await core.client['schedules:decode']({ tokens: 'FFFFFFFFFFFFFFFF' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'tokens', message: /FFFFFFFFFFFFFFFF/ } });
  });
});
