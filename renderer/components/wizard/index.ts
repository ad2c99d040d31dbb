export { Wizard } from './wizard';
export { defaultActionAttribute } from './use-wizard-focus';
export type { WizardFooter, WizardProblem, WizardProps, WizardRailPage } from './wizard-types';
export { canJumpTo, pageAfter, pageBefore, pageIndex } from './wizard-navigation';
export { WizardOutcome } from './wizard-outcome';
export type { WizardOutcomeProps } from './wizard-outcome';
