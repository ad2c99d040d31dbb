export { GroupFrame } from './group-frame';
export type { GroupFrameProps } from './group-frame';
export { PropertySheet } from './property-sheet';
export type { PropertySheetBlock, PropertySheetProps, PropertySheetTab } from './property-sheet-types';
