/** SMS_MP_CONTROL_MANAGER: the management point's HTTP(S) service (docs/management-point.md). */
export { createMpControlManager, type MpControlOptions } from './mp-control-manager';
export { createMpServer, listenMp, type MpListening, type MpServerOptions } from './mp-http-server';
export { mpControlInbox, mpControlLog, mpControlName, mpSettingsWakeUp } from './names';
