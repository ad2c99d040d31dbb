import type { AdvertisedProgramsAgentSettings, NewProgramNotificationUi, NotificationSound } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface AdvertisedProgramsRecord extends AdvertisedProgramsAgentSettings {
  readonly lastModified: string | null;
}

interface AdvertisedProgramsRow {
  enabled: number;
  allow_user_targeted_requests: number;
  new_program_notification_ui: NewProgramNotificationUi;
  display_notification: number;
  play_sound: NotificationSound;
  countdown_enabled: number;
  countdown_minutes: number;
  reminder_over_24_hours_hours: number;
  reminder_within_24_hours_hours: number;
  reminder_within_1_hour_minutes: number;
  policy_polling_minutes: number;
  last_modified: string | null;
}

/** The client agents' site-wide settings (migration 0009). */
export class ClientAgentRepository {
  constructor(private readonly db: SqliteDatabase) {}

  advertisedPrograms(): AdvertisedProgramsRecord {
    // Read at every registration with the management point: prepared once per connection.
    const row = prepared(this.db, 'SELECT * FROM advertised_programs_agent_settings WHERE id = 1').get() as AdvertisedProgramsRow;
    return {
      enabled: row.enabled === 1,
      allowUserTargetedRequests: row.allow_user_targeted_requests === 1,
      newProgramNotificationUi: row.new_program_notification_ui,
      displayNotification: row.display_notification === 1,
      playSound: row.play_sound,
      countdownEnabled: row.countdown_enabled === 1,
      countdownMinutes: row.countdown_minutes,
      reminderOver24HoursHours: row.reminder_over_24_hours_hours,
      reminderWithin24HoursHours: row.reminder_within_24_hours_hours,
      reminderWithin1HourMinutes: row.reminder_within_1_hour_minutes,
      policyPollingMinutes: row.policy_polling_minutes,
      lastModified: row.last_modified,
    };
  }

  setAdvertisedPrograms(record: AdvertisedProgramsRecord): void {
    this.db
      .prepare(
        `UPDATE advertised_programs_agent_settings SET enabled = @enabled, allow_user_targeted_requests = @allowUserTargetedRequests,
           new_program_notification_ui = @newProgramNotificationUi, display_notification = @displayNotification, play_sound = @playSound,
           countdown_enabled = @countdownEnabled, countdown_minutes = @countdownMinutes, reminder_over_24_hours_hours = @reminderOver24HoursHours,
           reminder_within_24_hours_hours = @reminderWithin24HoursHours, reminder_within_1_hour_minutes = @reminderWithin1HourMinutes,
           policy_polling_minutes = @policyPollingMinutes, last_modified = @lastModified WHERE id = 1`,
      )
      .run({
        ...record,
        enabled: record.enabled ? 1 : 0,
        allowUserTargetedRequests: record.allowUserTargetedRequests ? 1 : 0,
        displayNotification: record.displayNotification ? 1 : 0,
        countdownEnabled: record.countdownEnabled ? 1 : 0,
      });
  }
}
