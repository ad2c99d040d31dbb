import type { ParsedRequestOf, Schedule, ScheduleRunsDto } from '../api';

/**
 * When a schedule runs (docs/formats.md#schedule-tokens, "Run times"). Times are wall-clock times
 * of the site server's time zone unless the schedule is GMT; day, week and month recurrences keep
 * the wall-clock time across daylight-saving changes, minute and hour intervals are elapsed time.
 * A wall-clock time a spring-forward change skips runs at the same time after the change (02:30
 * becomes 03:30); one a fall-back change repeats runs once, the first time.
 */

interface Wall {
  readonly year: number;
  /** 0–11, as Date counts months. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Local (the process's time zone) or UTC calendar arithmetic. */
interface Calendar {
  readonly at: (wall: Wall) => Date;
  readonly wall: (date: Date) => Wall;
}

const local: Calendar = {
  at: (w) => new Date(w.year, w.month, w.day, w.hour, w.minute),
  wall: (d) => ({ year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() }),
};

const utc: Calendar = {
  at: (w) => new Date(Date.UTC(w.year, w.month, w.day, w.hour, w.minute)),
  wall: (d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }),
};

const dayMs = 86_400_000;

/** Days since 1970-01-01 of a calendar date, free of time zones. */
const dayNumber = (w: Pick<Wall, 'year' | 'month' | 'day'>): number => Math.floor(Date.UTC(w.year, w.month, w.day) / dayMs);

/** The calendar date `days` after day number 0, as year, month, day. */
function dateOfDayNumber(days: number): Pick<Wall, 'year' | 'month' | 'day'> {
  const d = new Date(days * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** 1 = Sunday … 7 = Saturday, as the tokens count days. */
const weekdayOf = (w: Pick<Wall, 'year' | 'month' | 'day'>): number => new Date(Date.UTC(w.year, w.month, w.day)).getUTCDay() + 1;

function startWall(schedule: Schedule): Wall {
  const [year, month, day, hour, minute] = schedule.start.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return { year, month: month - 1, day, hour, minute };
}

/**
 * A recurrence as a numbered series: run `k` (k ≥ 0) is at `nth(k)`, or null when that period has
 * no run (day 31 of a 30-day month). `near(t)` is a k whose run is close to t, to start a search.
 */
interface Series {
  readonly nth: (k: number) => Date | null;
  readonly near: (t: Date) => number;
  /** How many periods in a row may have no run before none ever will. */
  readonly maxGap: number;
}

function seriesOf(schedule: Schedule, calendar: Calendar): Series {
  const start = startWall(schedule);
  const startAt = calendar.at(start);
  const timeOf = (date: Pick<Wall, 'year' | 'month' | 'day'>) => calendar.at({ ...date, hour: start.hour, minute: start.minute });
  const notBeforeStart = (date: Date) => (date.getTime() < startAt.getTime() ? null : date);
  const monthIndex = (w: Pick<Wall, 'year' | 'month'>) => w.year * 12 + w.month;
  switch (schedule.type) {
    case 'nonRecurring':
      return { nth: (k) => (k === 0 ? startAt : null), near: () => 0, maxGap: 0 };
    case 'interval': {
      if (schedule.daySpan > 0) {
        const first = dayNumber(start);
        return {
          nth: (k) => timeOf(dateOfDayNumber(first + k * schedule.daySpan)),
          near: (t) => Math.floor((dayNumber(calendar.wall(t)) - first) / schedule.daySpan),
          maxGap: 0,
        };
      }
      const spanMs = (schedule.hourSpan * 60 + schedule.minuteSpan) * 60_000;
      return { nth: (k) => new Date(startAt.getTime() + k * spanMs), near: (t) => Math.floor((t.getTime() - startAt.getTime()) / spanMs), maxGap: 0 };
    }
    case 'weekly': {
      // The first run is on the first such weekday on or after the start date.
      const first = dayNumber(start) + ((schedule.day - weekdayOf(start) + 7) % 7);
      const step = 7 * schedule.forNumberOfWeeks;
      return {
        nth: (k) => timeOf(dateOfDayNumber(first + k * step)),
        near: (t) => Math.floor((dayNumber(calendar.wall(t)) - first) / step),
        maxGap: 0,
      };
    }
    case 'monthlyByWeekday':
    case 'monthlyByDate': {
      const firstMonth = monthIndex(start);
      const step = schedule.forNumberOfMonths;
      const dayIn = (year: number, month: number): number | null => {
        if (schedule.type === 'monthlyByDate') {
          const last = daysIn(year, month);
          if (schedule.monthDay === 0) return last;
          // A day the month does not have: that month has no run (as Windows' monthly triggers).
          return schedule.monthDay <= last ? schedule.monthDay : null;
        }
        const firstOfMonth = weekdayOf({ year, month, day: 1 });
        const firstSuch = 1 + ((schedule.day - firstOfMonth + 7) % 7);
        if (schedule.weekOrder > 0) return firstSuch + 7 * (schedule.weekOrder - 1);
        let last = firstSuch;
        while (last + 7 <= daysIn(year, month)) last += 7;
        return last;
      };
      return {
        nth: (k) => {
          const index = firstMonth + k * step;
          const year = Math.floor(index / 12);
          const month = index % 12;
          const day = dayIn(year, month);
          return day === null ? null : notBeforeStart(timeOf({ year, month, day }));
        },
        near: (t) => Math.floor((monthIndex(calendar.wall(t)) - firstMonth) / step),
        // Day 29 in February every 12 months: a leap day, up to eight years apart (2096 to 2104).
        maxGap: 100,
      };
    }
  }
}

const calendarOf = (schedule: Schedule): Calendar => (schedule.isGmt ? utc : local);

/** The first `count` runs strictly after `after`, in order. */
export function runsAfter(schedule: Schedule, after: Date, count: number): Date[] {
  const series = seriesOf(schedule, calendarOf(schedule));
  const runs: Date[] = [];
  let last = after.getTime();
  let k = Math.max(0, series.near(after) - 1);
  for (let gap = 0; runs.length < count && gap <= series.maxGap + 2; k++) {
    const run = series.nth(k);
    if (run === null) {
      gap++;
      if (schedule.type === 'nonRecurring' && k > 0) break;
      continue;
    }
    gap = 0;
    // A fall-back change can map two wall-clock runs to one instant; it runs once.
    if (run.getTime() <= last) continue;
    runs.push(run);
    last = run.getTime();
  }
  return runs;
}

/** The latest run at or before `now`, or null when none has come yet. */
export function latestRun(schedule: Schedule, now: Date): Date | null {
  const series = seriesOf(schedule, calendarOf(schedule));
  for (let k = series.near(now) + 1, gap = 0; k >= 0 && gap <= series.maxGap + 2; k--) {
    const run = series.nth(k);
    if (run === null) {
      gap++;
      continue;
    }
    gap = 0;
    if (run.getTime() <= now.getTime()) return run;
  }
  return null;
}

/** The runs of several schedules (a multi-schedule property) merged in time order; a time two share is listed once, naming both. */
export function mergedRunsAfter(schedules: readonly Schedule[], after: Date, count: number): { at: Date; schedules: number[] }[] {
  const byTime = new Map<number, number[]>();
  schedules.forEach((schedule, index) => {
    for (const run of runsAfter(schedule, after, count)) byTime.set(run.getTime(), [...(byTime.get(run.getTime()) ?? []), index]);
  });
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, count)
    .map(([time, indexes]) => ({ at: new Date(time), schedules: indexes }));
}

/** `schedules:next`: the merged runs after the time asked, or after `now`. */
export function scheduleRuns(request: ParsedRequestOf<'schedules:next'>, now: Date): ScheduleRunsDto {
  const after = request.after === undefined ? now : new Date(request.after);
  return { runs: mergedRunsAfter(request.schedules, after, request.count).map((run) => ({ at: run.at.toISOString(), schedules: run.schedules })) };
}
