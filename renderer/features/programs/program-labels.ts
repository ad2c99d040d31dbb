import type {
  afterRunningActions,
  assignmentModes,
  canRunWhenModes,
  deviceDownloadModes,
  driveModes,
  programRightsModes,
  programRunModes,
} from '../../../core/api';

type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

/** The option words of the New Program Wizard, as the console shows them. */
export const runLabels: Labels<typeof programRunModes> = {
  normal: 'Normal',
  minimized: 'Minimized',
  maximized: 'Maximized',
  hidden: 'Hidden',
};

export const afterRunningLabels: Labels<typeof afterRunningActions> = {
  noAction: 'No action required',
  configMgrRestarts: 'ConfigMgr restarts computer',
  programRestarts: 'Program restarts computer',
  configMgrLogsOff: 'ConfigMgr logs user off',
};

export const canRunWhenLabels: Labels<typeof canRunWhenModes> = {
  userLoggedOn: 'Only when a user is logged on',
  whetherOrNot: 'Whether or not a user is logged on',
  noUserLoggedOn: 'Only when no user is logged on',
};

export const runModeLabels: Labels<typeof programRightsModes> = {
  userRights: "Run with user's rights",
  adminRights: 'Run with administrative rights',
};

export const driveModeLabels: Labels<typeof driveModes> = {
  unc: 'Runs with UNC name',
  driveLetter: 'Requires drive letter',
  specificDriveLetter: 'Requires specific drive letter',
};

export const assignmentLabels: Labels<typeof assignmentModes> = {
  oncePerComputer: 'Run once for the computer',
  oncePerUser: 'Run once for every user who logs on',
};

export const downloadWhenLabels: Labels<typeof deviceDownloadModes> = {
  anyTime: 'Any time',
  fastNetwork: 'Only over a fast network',
  docked: 'Only when the device is docked',
};

/** The warning beside "Allow users to interact with this program" under administrative rights (docs/software-distribution.md#new-program-wizard). */
export const adminInteractionWarning =
  'Selecting Allow users to interact with this program with the Run with administrative rights option allows any ' +
  'connected user to interact with the program in an administrative security context. This could provide an ' +
  'opportunity for a security breach on that client. Select this option only if absolutely necessary for the ' +
  'successful execution of the program.';
