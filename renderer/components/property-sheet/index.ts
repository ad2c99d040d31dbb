export { GroupFrame } from './group-frame';
export type { GroupFrameProps } from './group-frame';
export { PropertySheet } from './property-sheet';
export type { PropertySheetBlock, PropertySheetProps, PropertySheetTab } from './property-sheet-types';
export { propertiesModel, usePropertiesSession } from './properties-model';
export { sessionSheetProps, SessionLoadState, useFollowWhileClean } from './session-sheet';
export type { PropertiesAction, PropertiesModel, PropertiesRules, PropertiesSession, PropertiesSpec, PropertiesState, ReadyProperties, SaveError } from './properties-model';
