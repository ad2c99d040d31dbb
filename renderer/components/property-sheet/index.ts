export { GroupFrame } from './group-frame';
export type { GroupFrameProps } from './group-frame';
export { PropertySheet } from './property-sheet';
export type { PropertySheetBlock, PropertySheetProps, PropertySheetTab } from './property-sheet-types';
export { propertiesModel, usePropertiesSession } from './properties-model';
export { sessionSheetProps } from './session-sheet-props';
export type { SessionSheetProps } from './session-sheet-props';
export type { PropertiesAction, PropertiesModel, PropertiesRules, PropertiesSession, PropertiesSpec, PropertiesState, ReadyProperties, SaveError } from './properties-model';
