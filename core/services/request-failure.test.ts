import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../api';
import { createSiteLog, type SiteLog } from '../site/site-log';
import { ensureSiteRoot, siteRootAt } from '../site/site-root';
import { toFailure } from './request-failure';

let dir: string;
let log: SiteLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-failure-'));
  const root = siteRootAt(dir);
  ensureSiteRoot(root);
  log = createSiteLog(root, () => new Date());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const constraint = Object.assign(new Error('UNIQUE constraint failed: packages.share_folder'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });

describe('the answer to a request that failed', () => {
  it('says nothing was changed when no unit of work of the request committed', () => {
    expect(toFailure(constraint, 'packages:create', log, false)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The change conflicts with data already at the site (UNIQUE constraint failed: packages.share_folder). Nothing was changed.' },
    });
    expect(toFailure(new TypeError('x is undefined'), 'packages:update', log, false)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Courier hit an internal error handling packages:update; details are in SMS\\Logs\\smsprov.log. Nothing was changed.' },
    });
  });

  it('never says so once one committed: what it changed before the error is saved', () => {
    const internal = toFailure(new TypeError('x is undefined'), 'packages:import', log, true);
    expect(internal).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Courier hit an internal error handling packages:import; details are in SMS\\Logs\\smsprov.log. What the request changed before the error is saved; refresh to see the site as it now is.',
      },
    });
    expect(readFileSync(join(dir, 'SMS', 'Logs', 'smsprov.log'), 'utf8')).toMatch(/^Internal error in packages:import: TypeError: x is undefined/);
    expect(toFailure(constraint, 'packages:create', log, true)).toMatchObject({ error: { code: 'CONFLICT', message: expect.not.stringMatching(/Nothing was changed/) } });
    expect(toFailure(new CourierError('NOT_FOUND', 'There is no package A0100009 at this site.', 'packageId'), 'x', log, true)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        field: 'packageId',
        message: 'There is no package A0100009 at this site. What the request changed before the error is saved; refresh to see the site as it now is.',
      },
    });
  });

  it('passes a service refusal on as it is when nothing committed', () => {
    expect(toFailure(new CourierError('CONFLICT', 'The share is taken.', 'shareFolder'), 'packages:create', log, false)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The share is taken.', field: 'shareFolder' },
    });
  });
});
