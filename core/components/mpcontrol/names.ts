/** SMS_MP_CONTROL_MANAGER: as the suite names the management point's component, its inbox and its log. */
export const mpControlName = 'SMS_MP_CONTROL_MANAGER';
export const mpControlInbox = 'Mpcontrol.box';
export const mpControlLog = 'mpcontrol.log';
/** The wake-up a change of the management point's settings drops. */
export const mpSettingsWakeUp = 'settings.MPC';
