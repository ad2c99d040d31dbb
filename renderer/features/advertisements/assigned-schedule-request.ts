import type { ApiResult, CourierClient, Schedule } from '../../../core/api';
import { settle } from '../../client/settle';

/** The AssignedSchedule value of the list's schedules: their tokens one after another, as the site encodes them ('' for none). */
export async function assignedScheduleOf(courier: CourierClient, schedules: readonly Schedule[]): Promise<ApiResult<string>> {
  if (schedules.length === 0) return { ok: true, value: '' };
  const encoded = await settle(() => courier['schedules:encode']({ schedules: [...schedules] }));
  return encoded.ok ? { ok: true, value: encoded.value.tokens.join('') } : { ok: false, error: { ...encoded.error, field: 'assignedSchedule' } };
}

/** The list's schedules of an AssignedSchedule value, as the site decodes them. */
export async function schedulesOf(courier: CourierClient, assignedSchedule: string): Promise<ApiResult<readonly Schedule[]>> {
  if (assignedSchedule === '') return { ok: true, value: [] };
  const decoded = await settle(() => courier['schedules:decode']({ tokens: assignedSchedule }));
  return decoded.ok ? { ok: true, value: decoded.value.schedules } : { ok: false, error: decoded.error };
}
