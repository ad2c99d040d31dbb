import { nextNotification, notificationPlan, type NotificationPlan } from '../policy/reminders';
import type { AdvertisementRecord } from './policy-store';
import type { EvaluatedAdvertisement } from './policy-view';

/** A mandatory run still to come, as `courier-client status` lists it. */
export interface UpcomingRun {
  readonly advertisementId: string;
  readonly name: string;
  readonly packageId: string;
  readonly programName: string;
  /** The mandatory time (ISO 8601, UTC). */
  readonly runAt: string;
  /** The next reminder after now, or null when none comes (reminders off, or the countdown is next). */
  readonly nextReminder: string | null;
  /** When the countdown starts (it may have started already), or null without a countdown. */
  readonly countdownStart: string | null;
  readonly countdownMinutes: number | null;
}

/** What is due to be told of one advertisement now, that was not told before. */
export interface DueNotice {
  readonly advertisementId: string;
  readonly runAt: Date;
  /** The latest reminder time passed and not yet told; older missed ones are not told again. */
  readonly reminder: Date | null;
  /** The countdown's start, when it has started and was not told yet. */
  readonly countdown: { readonly start: Date; readonly minutes: number } | null;
  /** What the record keeps, so each notice is told once. */
  readonly notified: NonNullable<AdvertisementRecord['notified']>;
}

/**
 * The plan of an advertisement whose mandatory assignment comes later (`scheduled`): the user is
 * first told when the client received it, so reminders count from then.
 */
export function planOf({ advertisement, decision }: EvaluatedAdvertisement, records: Readonly<Record<string, AdvertisementRecord>>, now: Date): NotificationPlan | null {
  if (decision.kind !== 'scheduled') return null;
  const record = records[advertisement.body.advertisement.advertisementId];
  const received = record === undefined ? now : new Date(record.firstReceivedAt);
  return notificationPlan(advertisement.body, decision.assignment.dueAt, received);
}

export function upcomingRuns(evaluated: readonly EvaluatedAdvertisement[], records: Readonly<Record<string, AdvertisementRecord>>, now: Date): UpcomingRun[] {
  const runs: UpcomingRun[] = [];
  for (const item of evaluated) {
    const plan = planOf(item, records, now);
    if (plan === null) continue;
    const ad = item.advertisement.body.advertisement;
    const reminder = plan.reminders.find((r) => r.getTime() > now.getTime());
    runs.push({
      advertisementId: ad.advertisementId,
      name: ad.name,
      packageId: ad.packageId,
      programName: ad.programName,
      runAt: plan.runAt.toISOString(),
      nextReminder: reminder?.toISOString() ?? null,
      countdownStart: plan.countdown?.start.toISOString() ?? null,
      countdownMinutes: plan.countdown?.minutes ?? null,
    });
  }
  return runs.sort((a, b) => a.runAt.localeCompare(b.runAt));
}

/**
 * The reminder and countdown start that have come by `now` and were not told yet. A record of
 * another run time (the schedule moved, or the last run is past) counts as nothing told.
 */
export function dueNotice(item: EvaluatedAdvertisement, records: Readonly<Record<string, AdvertisementRecord>>, now: Date): DueNotice | null {
  const plan = planOf(item, records, now);
  if (plan === null) return null;
  const advertisementId = item.advertisement.body.advertisement.advertisementId;
  const before = records[advertisementId]?.notified;
  const told = before !== undefined && before.runAt === plan.runAt.toISOString() ? before : null;
  const toldUpTo = told === null ? -Infinity : new Date(told.reminderAt ?? 0).getTime();
  const passed = plan.reminders.filter((r) => r.getTime() <= now.getTime());
  const latest = passed[passed.length - 1];
  const reminder = latest !== undefined && latest.getTime() > toldUpTo ? latest : null;
  const countdown = plan.countdown !== null && plan.countdown.start.getTime() <= now.getTime() && told?.countdown !== true ? { start: plan.countdown.start, minutes: plan.countdown.minutes } : null;
  if (reminder === null && countdown === null) return null;
  const reminderAt = reminder?.toISOString() ?? told?.reminderAt;
  return { advertisementId, runAt: plan.runAt, reminder, countdown, notified: { runAt: plan.runAt.toISOString(), ...(reminderAt !== undefined ? { reminderAt } : {}), countdown: countdown !== null || told?.countdown === true } };
}

/** When the agent must wake to tell the next reminder or countdown start of any advertisement. */
export function nextNoticeTime(evaluated: readonly EvaluatedAdvertisement[], records: Readonly<Record<string, AdvertisementRecord>>, now: Date): Date | null {
  let next: Date | null = null;
  for (const item of evaluated) {
    const plan = planOf(item, records, now);
    const at = plan === null ? null : nextNotification(plan, now);
    if (at !== null && (next === null || at.getTime() < next.getTime())) next = at;
  }
  return next;
}
