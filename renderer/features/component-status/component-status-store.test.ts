import { describe, expect, it } from 'vitest';
import type { ApiResult, ComponentSummariesDto } from '../../../core/api';
import { createComponentStatusStore } from './component-status-store';

function summaries(errorCritical: number, errors: number): ComponentSummariesDto {
  return {
    thresholds: { error: { warning: 1, critical: errorCritical }, warning: { warning: 10, critical: 50 }, info: { warning: 2000, critical: 5000 }, lastModified: null },
    components: [{ siteCode: 'A01', machine: 'SITE01', component: 'SMS_DISTRIBUTION_MANAGER', status: errors >= errorCritical ? 'critical' : 'warning', errors, warnings: 0, infos: 0, countsSince: '1970-01-01T00:00:00.000Z', lastMessage: '2026-12-03T09:00:00.000Z' }],
  };
}

describe('the Component Status store', () => {
  it('keeps the thresholds of the answer whose rows it shows, when an older answer arrives after a newer one', async () => {
    const answers: ((value: ApiResult<ComponentSummariesDto>) => void)[] = [];
    const store = createComponentStatusStore({ summaries: () => new Promise((resolve) => answers.push(resolve)) });
    const older = store.getState().load();
    const newer = store.getState().load();
    answers[1]?.({ ok: true, value: summaries(2, 2) });
    await newer;
    answers[0]?.({ ok: true, value: summaries(5, 1) });
    await older;
    expect(store.getState().list.items[0]?.errors).toBe(2);
    expect(store.getState().thresholds?.error.critical).toBe(2);
  });

  it('puts a Reset Counts answer in place with its thresholds', async () => {
    const store = createComponentStatusStore({ summaries: async () => ({ ok: true, value: summaries(5, 3) }) });
    await store.getState().load();
    store.getState().replace(summaries(4, 0));
    expect(store.getState().list.items[0]?.errors).toBe(0);
    expect(store.getState().thresholds?.error.critical).toBe(4);
  });
});
