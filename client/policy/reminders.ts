import { RemoteClientFlags } from '../../core/domain/advertisement-flags';
import type { ClientOfferBody } from './offer-body-schema';

/**
 * What the user sees before a mandatory assignment: reminders at the Advertised Programs Client
 * Agent's intervals (docs/client-agents.md: every 48 hours while the assignment is more than 24
 * hours away, every 4 hours within 24 hours, every 15 minutes within the last hour, as the site
 * sets them), then the countdown. The countdown ends at the mandatory time and never moves it:
 * an assignment 15 minutes away with a 60-minute countdown counts down 15 minutes, and one
 * already due when the agent learns of it runs at once, without a countdown.
 */
export interface NotificationPlan {
  /** When the program runs: the mandatory time, whatever the countdown. */
  readonly runAt: Date;
  /** Reminder times from the first notice, in order, before the countdown starts. */
  readonly reminders: readonly Date[];
  /** null: no countdown (turned off, suppressed by the program, or no time left for one). */
  readonly countdown: { readonly start: Date; readonly end: Date; readonly minutes: number } | null;
}

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
/** A generous bound: a week of 1-minute reminders is far more than any setting gives. */
const maxReminders = 20_000;

/** The countdown's length: the advertisement's own when it sets one (MandatoryCountdown), else the client agent's. */
export function countdownMinutesOf(body: ClientOfferBody): number {
  return body.advertisement.mandatoryCountdownMinutes > 0 ? body.advertisement.mandatoryCountdownMinutes : body.clientAgent.countdownMinutes;
}

/** Reminders need the advertisement's "Display reminders", notifications on, and a program that does not suppress them. */
function remindersOn(body: ClientOfferBody): boolean {
  const suppressed = body.program.kind === 'computer' && body.program.suppressNotifications;
  return (body.advertisement.remoteClientFlags & RemoteClientFlags.BALLOON_REMINDERS_REQUIRED) !== 0 && body.clientAgent.displayNotification && !suppressed;
}

function countdownOn(body: ClientOfferBody): boolean {
  const suppressed = body.program.kind === 'computer' && body.program.suppressNotifications;
  return body.clientAgent.countdownEnabled && !suppressed;
}

/**
 * The interval that applies while the assignment is `leftMs` away, and the band's lower edge
 * (a reminder is never skipped past the point where a shorter interval starts).
 */
function intervalAt(body: ClientOfferBody, leftMs: number): { everyMs: number; bandEdgeMs: number } {
  const agent = body.clientAgent;
  if (leftMs > 24 * hourMs) return { everyMs: agent.reminderOver24HoursHours * hourMs, bandEdgeMs: 24 * hourMs };
  if (leftMs > hourMs) return { everyMs: agent.reminderWithin24HoursHours * hourMs, bandEdgeMs: hourMs };
  return { everyMs: agent.reminderWithin1HourMinutes * minuteMs, bandEdgeMs: 0 };
}

/**
 * The plan for an assignment at `mandatoryAt` that the user was first told of at `noticedAt`.
 * The first reminder is the notice itself; each next one comes an interval later, or where a
 * shorter interval starts (24 hours, then an hour before), whichever is first.
 */
export function notificationPlan(body: ClientOfferBody, mandatoryAt: Date, noticedAt: Date): NotificationPlan {
  const end = mandatoryAt.getTime();
  const length = countdownMinutesOf(body);
  let countdown: NotificationPlan['countdown'] = null;
  if (countdownOn(body) && noticedAt.getTime() < end) {
    const start = Math.max(end - length * minuteMs, noticedAt.getTime());
    countdown = { start: new Date(start), end: mandatoryAt, minutes: Math.round((end - start) / minuteMs) };
  }
  const reminders: Date[] = [];
  if (remindersOn(body)) {
    const stop = countdown?.start.getTime() ?? end;
    let at = noticedAt.getTime();
    while (at < stop && reminders.length < maxReminders) {
      reminders.push(new Date(at));
      const { everyMs, bandEdgeMs } = intervalAt(body, end - at);
      const edge = end - bandEdgeMs;
      at = edge > at ? Math.min(at + everyMs, edge) : at + everyMs;
    }
  }
  return { runAt: mandatoryAt, reminders, countdown };
}

/** The first reminder after `now`, or the countdown's start, whichever comes first: when the agent's timer should fire. */
export function nextNotification(plan: NotificationPlan, now: Date): Date | null {
  const reminder = plan.reminders.find((r) => r.getTime() > now.getTime());
  const countdown = plan.countdown !== null && plan.countdown.start.getTime() > now.getTime() ? plan.countdown.start : null;
  if (reminder === undefined) return countdown;
  if (countdown === null) return reminder;
  return reminder.getTime() < countdown.getTime() ? reminder : countdown;
}
