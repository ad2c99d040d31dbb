export { Wizard } from './wizard';
export { defaultActionAttribute } from './use-wizard-focus';
export type { WizardFooter, WizardProblem, WizardProps, WizardRailPage } from './wizard-types';
export { canJumpTo, pageAfter, pageBefore, pageIndex } from './wizard-navigation';
