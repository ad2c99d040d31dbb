export { Wizard } from './wizard';
export type { WizardFooter, WizardProps, WizardRailPage } from './wizard-types';
export { canJumpTo, pageAfter, pageBefore, pageIndex } from './wizard-navigation';
