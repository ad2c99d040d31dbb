/**
 * The console's dialog sizes. Every settings page is laid out for one page box, so a page looks
 * the same as a wizard page (beside the rail) and as a property sheet tab: the wizard is the rail
 * plus the page box, the property sheet the page box alone. Both are as tall, as the suite's
 * wizards and sheets are, and small dialogs (a picker, a confirmation) share one width.
 */
export const pageBox = {
  /** The page's content, inside its padding. */
  width: 560,
  paddingX: 16,
  paddingY: 12,
} as const;

/** The wizard's list of pages, left of the page. */
export const wizardRailWidth = 176;

export const wizardSize = {
  width: wizardRailWidth + pageBox.width + 2 * pageBox.paddingX,
  height: 560,
} as const;

export const propertySheetSize = {
  width: pageBox.width + 2 * pageBox.paddingX,
  height: 560,
} as const;

/** Small dialogs grow with their content, up to the window; their width is fixed. */
export const smallDialogWidth = 480;

/** The label column of every form row, so labels and controls line up across pages. */
export const formLabelWidth = 168;

/** A row's control height in Fluent's small size, and the line reserved under it for its message. */
export const controlHeight = 24;
export const messageLineHeight = 16;

/** Dialogs never touch the window's edges. */
export const windowMargin = 32;

/**
 * A footer button's height: Fluent's medium button, the touch target it asks of dialog buttons,
 * kept while the dialog's text is in the compact 12-pixel size (which alone would make it 28).
 */
export const dialogButtonHeight = 32;
