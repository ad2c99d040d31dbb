export { CustomScheduleDialog, type CustomScheduleDialogProps } from './custom-schedule-dialog';
export { formOfSchedule, scheduleOfForm, type RecurrencePattern, type ScheduleForm } from './schedule-form';
export { NextRunsList, useNextRuns, type NextRuns } from './next-runs';
