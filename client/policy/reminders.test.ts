import { describe, expect, it } from 'vitest';
import { at, offerBody } from '../../test/helpers/client-policy';
import { countdownMinutesOf, nextNotification, notificationPlan } from './reminders';

const reminding = (more: Parameters<typeof offerBody>[0] = {}) => offerBody({ ...more, options: { displayReminders: true, ...more.options } });
const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString().slice(0, 16));
const mandatoryAt = at('2026-12-10T20:00:00Z');

describe('reminders before a mandatory assignment', () => {
  it('reminds every 48 hours while more than 24 hours away, every 4 hours within 24, every 15 minutes within the hour (the defaults)', () => {
    const plan = notificationPlan(reminding(), mandatoryAt, at('2026-12-06T08:00:00Z'));
    expect(iso(plan.reminders)).toEqual([
      // 108 hours away: 48 hours apart, then where the 24-hour band starts.
      '2026-12-06T08:00',
      '2026-12-08T08:00',
      '2026-12-09T20:00',
      // Every 4 hours, then where the last hour starts.
      '2026-12-10T00:00',
      '2026-12-10T04:00',
      '2026-12-10T08:00',
      '2026-12-10T12:00',
      '2026-12-10T16:00',
      '2026-12-10T19:00',
      // Every 15 minutes until the 5-minute countdown starts.
      '2026-12-10T19:15',
      '2026-12-10T19:30',
      '2026-12-10T19:45',
    ]);
    expect(plan.countdown).toEqual({ start: at('2026-12-10T19:55:00Z'), end: mandatoryAt, minutes: 5 });
    expect(plan.runAt).toEqual(mandatoryAt);
  });

  it("uses the site's intervals from the body", () => {
    const body = reminding({ clientAgent: { reminderOver24HoursHours: 24, reminderWithin24HoursHours: 12, reminderWithin1HourMinutes: 30, countdownEnabled: false } });
    expect(iso(notificationPlan(body, mandatoryAt, at('2026-12-08T20:00:00Z')).reminders)).toEqual([
      '2026-12-08T20:00',
      '2026-12-09T20:00',
      '2026-12-10T08:00',
      '2026-12-10T19:00',
      '2026-12-10T19:30',
    ]);
  });

  it('reminds only when the advertisement asks for it, notifications are on, and the program does not suppress them', () => {
    const noticed = at('2026-12-10T18:00:00Z');
    expect(notificationPlan(offerBody(), mandatoryAt, noticed).reminders).toEqual([]);
    expect(notificationPlan(reminding({ clientAgent: { displayNotification: false } }), mandatoryAt, noticed).reminders).toEqual([]);
    const suppressed = notificationPlan(reminding({ program: { suppressNotifications: true } }), mandatoryAt, noticed);
    expect(suppressed).toEqual({ runAt: mandatoryAt, reminders: [], countdown: null });
  });

  it('gives the time the agent wakes for next: a reminder or the countdown', () => {
    const plan = notificationPlan(reminding(), mandatoryAt, at('2026-12-10T19:00:00Z'));
    expect(nextNotification(plan, at('2026-12-10T19:00:00Z'))).toEqual(at('2026-12-10T19:15:00Z'));
    expect(nextNotification(plan, at('2026-12-10T19:50:00Z'))).toEqual(at('2026-12-10T19:55:00Z'));
    expect(nextNotification(plan, at('2026-12-10T19:56:00Z'))).toBeNull();
  });
});

describe('the countdown', () => {
  it("takes the advertisement's own length over the client agent's", () => {
    expect(countdownMinutesOf(offerBody())).toBe(5);
    expect(countdownMinutesOf(offerBody({ clientAgent: { countdownMinutes: 10 } }))).toBe(10);
    expect(countdownMinutesOf(offerBody({ advertisement: { mandatoryCountdownMinutes: 60 }, clientAgent: { countdownMinutes: 10 } }))).toBe(60);
  });

  it('never delays the mandatory time: received 15 minutes before with a 60-minute countdown, it counts down 15', () => {
    const body = offerBody({ advertisement: { mandatoryCountdownMinutes: 60 } });
    const plan = notificationPlan(body, mandatoryAt, at('2026-12-10T19:45:00Z'));
    expect(plan.countdown).toEqual({ start: at('2026-12-10T19:45:00Z'), end: mandatoryAt, minutes: 15 });
    expect(plan.runAt).toEqual(mandatoryAt);
    // Known early, the full hour.
    expect(notificationPlan(body, mandatoryAt, at('2026-12-10T12:00:00Z')).countdown?.start).toEqual(at('2026-12-10T19:00:00Z'));
  });

  it('runs an assignment already due at once, without a countdown; none when the site turned it off', () => {
    expect(notificationPlan(offerBody(), mandatoryAt, at('2026-12-10T20:30:00Z'))).toEqual({ runAt: mandatoryAt, reminders: [], countdown: null });
    expect(notificationPlan(offerBody({ clientAgent: { countdownEnabled: false } }), mandatoryAt, at('2026-12-10T12:00:00Z')).countdown).toBeNull();
  });
});
