export { DialogDensity, useCompactControlStyles } from './dialog-density';
export { controlHeight, dialogButtonHeight, formLabelWidth, messageLineHeight, pageBox, propertySheetSize, smallDialogWidth, windowMargin, wizardRailWidth, wizardSize } from './dialog-metrics';
export { entersDefault, oneLineText, useDefaultButton, type DefaultButton } from './default-button';
export { fieldAnchor, focusField } from './field-anchor';
export { FormRow, SmallControls, type FormRowProps } from './form-row';
export { useFormStyles } from './form-styles';
export { ScrollingPage, type ScrollingPageProps } from './scrolling-page';
export { FooterProblem } from './footer-problem';
export { MessageLine, type MessageLineProps } from './message-line';
