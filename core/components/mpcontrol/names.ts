/** SMS_MP_CONTROL_MANAGER: as the suite names the management point's component, its inbox and its log. */
export const mpControlName = 'SMS_MP_CONTROL_MANAGER';
export const mpControlLog = 'mpcontrol.log';
/** The inbox and the wake-up a change of the settings drops, as the service that changes them writes it. */
export { mpControlInbox, mpSettingsWakeUp } from '../../services/management-point/mp-admin-service';
