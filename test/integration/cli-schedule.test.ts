import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';

// `courier schedule …` opens no site: the commands run the codec and the run-time rules only.
// A zone with daylight saving, so "local" in the output is a real conversion.
const berlin = { TZ: 'Europe/Berlin' };
const courier = (...args: string[]) => runCli(['schedule', ...args], berlin);

const { vectors } = JSON.parse(readFileSync(new URL('../fixtures/schedule-tokens.json', import.meta.url), 'utf8')) as {
  vectors: { token: string; decoded: Record<string, unknown>[] }[];
};
const weekdays = vectors[2]!.token;

describe('courier schedule decode', () => {
  it('prints the public examples as the contract objects, one per token, separate or concatenated', async () => {
    const run = await courier('decode', vectors[0]!.token, vectors[1]!.token, weekdays, '--json');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(printed.map(({ token: _token, ...rest }) => rest)).toEqual(vectors.flatMap((v) => v.decoded));
    expect(printed[0]).toMatchObject({ token: '1033BC7B10100010' });
    expect(Object.keys(printed[0]!).slice(0, 3)).toEqual(['token', 'type', 'start']);
  }, 30_000);

  it('says what each token means in words', async () => {
    const run = await courier('decode', '1033BC7B10100010', '000A4700002BC400');
    expect(run.stdout).toBe('1033BC7B10100010  Every 2 days from 2019-11-19 01:04 local, for 2 h 59 min\n000A4700002BC400  Day 15 of every month from 1998-04-10 00:00 local\n');
  }, 30_000);

  it('refuses a malformed token with exit 1, naming the token, the field and why', async () => {
    const month13 = await courier('decode', '1033DC7B10100010', '--json');
    expect(month13.code).toBe(1);
    expect(month13.stderr).toBe('courier: Schedule token "1033DC7B10100010", start: The start month must be 1–12; it is 13.\n');
    expect(JSON.parse(month13.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'start' } });
    const type7 = await courier('decode', '1033BC7B10390010');
    expect(type7.stderr).toMatch(/"1033BC7B10390010", type: type code 7 /);
    const short = await courier('decode', `${weekdays}0`);
    expect(short.stderr).toMatch(/81 characters is not a multiple of 16/);
  }, 30_000);
});

describe('courier schedule encode', () => {
  it('writes the object decode prints back as its token, and an array as the tokens concatenated', async () => {
    const one = await courier('encode', '--json', JSON.stringify(vectors[0]!.decoded[0]));
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual({ token: '1033BC7B10100010' });
    const decoded = JSON.parse((await courier('decode', weekdays, '--json')).stdout) as unknown[];
    const many = await courier('encode', JSON.stringify(decoded));
    expect(many.stdout).toBe(`${weekdays}\n`);
  }, 30_000);

  it('refuses an object no token can hold, naming each field', async () => {
    const run = await courier('encode', '--json', '{"type":"weekly","start":"2019-02-30T01:04","day":9}');
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.stdout) as { error: { issues: { field: string; message: string }[] } };
    expect(error.issues).toEqual([
      { field: 'start', message: 'The start day must be 1–28 in 2019-02; it is 30.' },
      { field: 'day', message: 'day must be a whole number 1–7 (1 = Sunday … 7 = Saturday).' },
    ]);
    expect((await courier('encode', 'not json')).code).toBe(2);
  }, 30_000);
});

describe('courier schedule next', () => {
  it('lists the next run times in local time, the UTC instant beside each', async () => {
    const run = await courier('next', '1033BC7B10100010', '--after', '2026-12-02T13:00:00Z', '--count', '3');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      ['Fri 2026-12-04 01:04 local  (2026-12-04T00:04Z)', 'Sun 2026-12-06 01:04 local  (2026-12-06T00:04Z)', 'Tue 2026-12-08 01:04 local  (2026-12-08T00:04Z)', ''].join('\n'),
    );
  }, 30_000);

  it('merges the runs of concatenated tokens in time order, naming the token of each', async () => {
    const run = await courier('next', weekdays, '--after', '2026-12-04T12:00:00Z', '--json');
    expect(JSON.parse(run.stdout)).toEqual([
      { at: '2026-12-04T21:00:00.000Z', local: '2026-12-04T22:00', tokens: ['02C159C0381E2000'] },
      { at: '2026-12-07T21:00:00.000Z', local: '2026-12-07T22:00', tokens: ['02C159C0381A2000'] },
      { at: '2026-12-08T21:00:00.000Z', local: '2026-12-08T22:00', tokens: ['02C159C0381B2000'] },
      { at: '2026-12-09T21:00:00.000Z', local: '2026-12-09T22:00', tokens: ['02C159C0381C2000'] },
      { at: '2026-12-10T21:00:00.000Z', local: '2026-12-10T22:00', tokens: ['02C159C0381D2000'] },
    ]);
  }, 30_000);

  it('runs after now without --after, and refuses a count out of range', async () => {
    const run = await courier('next', '1033BC7B10100010', '--count', '1', '--json');
    const [first] = JSON.parse(run.stdout) as { at: string }[];
    expect(Date.parse(first!.at)).toBeGreaterThan(Date.now() - 60_000);
    const refused = await courier('next', '1033BC7B10100010', '--count', '101');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/count must be a whole number 1–100/);
  }, 30_000);
});
