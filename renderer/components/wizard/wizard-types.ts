import type { ReactElement, ReactNode } from 'react';

/** One entry of the wizard's left rail. */
export interface WizardRailPage<P extends string> {
  readonly id: P;
  readonly label: string;
}

/** What keeps Next disabled, and where: the footer names it and takes the admin to the field. */
export interface WizardProblem {
  readonly message: string;
  /** The setting, as its page's FormRow (or fieldAnchor) names it. */
  readonly field?: string;
  /** The setting's label on the page, for the footer's link. */
  readonly fieldLabel?: string;
}

/**
 * The footer differs by the kind of page, as in the SCCM 2007 wizards: settings pages have
 * Previous / Next / Summary / Cancel, the Summary page's Next starts the work, and the
 * Confirmation page only closes (or goes back after a failure).
 */
export type WizardFooter =
  | {
      readonly kind: 'page';
      readonly canGoBack: boolean;
      readonly canGoNext: boolean;
      readonly canJumpToSummary: boolean;
      /** Why Next is disabled; always shown beside the buttons while it is. */
      readonly blocked: WizardProblem | null;
    }
  | { readonly kind: 'summary'; readonly canGoBack: boolean; readonly canGoNext: boolean; readonly busy: boolean; readonly busyLabel: string }
  | { readonly kind: 'confirmation'; readonly canGoBack: boolean };

export interface WizardProps<P extends string> {
  readonly open: boolean;
  /** The dialog's title, e.g. "New Package Wizard". */
  readonly title: string;
  readonly pages: readonly WizardRailPage<P>[];
  readonly current: P;
  /** Whether the rail may jump to a page; wizards pass their own rule (normally backwards only). */
  readonly canJumpTo: (page: P) => boolean;
  /** The banner's heading for the current page. */
  readonly heading: string;
  readonly icon?: ReactElement;
  readonly footer: WizardFooter;
  readonly onJumpTo: (page: P) => void;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  readonly onSummary: () => void;
  /** Cancel, Escape and the Confirmation page's Close. */
  readonly onClose: () => void;
  readonly children: ReactNode;
}
