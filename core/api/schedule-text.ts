import type { Schedule } from './custom-schedule';

/** 1 = Sunday … 7 = Saturday, as the tokens number days. */
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** weekOrder 0 is the last week of the month; 1–4 the first to the fourth. */
export const weekOrderNames = ['last', 'first', 'second', 'third', 'fourth'] as const;

const plural = (n: number, unit: string) => (n === 1 ? unit : `${n} ${unit}s`);

function recurrence(s: Schedule): string {
  switch (s.type) {
    case 'nonRecurring':
      return 'Once';
    case 'interval':
      if (s.daySpan > 0) return `Every ${plural(s.daySpan, 'day')}`;
      if (s.hourSpan > 0) return `Every ${plural(s.hourSpan, 'hour')}`;
      return `Every ${plural(s.minuteSpan, 'minute')}`;
    case 'weekly':
      return `Every ${s.forNumberOfWeeks === 1 ? '' : `${s.forNumberOfWeeks} weeks on `}${weekdayNames[s.day - 1] ?? '?'}`;
    case 'monthlyByWeekday':
      return `The ${weekOrderNames[s.weekOrder] ?? '?'} ${weekdayNames[s.day - 1] ?? '?'} of every ${plural(s.forNumberOfMonths, 'month')}`;
    case 'monthlyByDate':
      return `${s.monthDay === 0 ? 'The last day' : `Day ${s.monthDay}`} of every ${plural(s.forNumberOfMonths, 'month')}`;
  }
}

/** How long each run lasts ("2 h 59 min"), or '' for none. */
export function scheduleDurationText(s: Pick<Schedule, 'dayDuration' | 'hourDuration' | 'minuteDuration'>): string {
  const parts = [s.dayDuration > 0 ? `${s.dayDuration} d` : '', s.hourDuration > 0 ? `${s.hourDuration} h` : '', s.minuteDuration > 0 ? `${s.minuteDuration} min` : ''];
  return parts.filter(Boolean).join(' ');
}

/** "Every 2 days from 2019-11-19 01:04 local, for 2 h 59 min": one schedule in words. */
export function describeSchedule(s: Schedule): string {
  const duration = scheduleDurationText(s);
  const start = `${s.start.replace('T', ' ')} ${s.isGmt ? 'UTC' : 'local'}`;
  return `${recurrence(s)} ${s.type === 'nonRecurring' ? 'at' : 'from'} ${start}${duration ? `, for ${duration}` : ''}`;
}
