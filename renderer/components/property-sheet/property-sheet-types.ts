import type { ReactNode } from 'react';

export interface PropertySheetTab<T extends string> {
  readonly id: T;
  readonly label: string;
}

/** Why OK and Apply are blocked, and where: the footer names it and takes the admin there. */
export interface PropertySheetBlock<T extends string> {
  readonly message: string;
  readonly tab: T;
  /** The setting, as its tab's FormRow (or fieldAnchor) names it. */
  readonly field?: string;
  /** The setting's label on its tab. */
  readonly fieldLabel?: string;
}

export interface PropertySheetProps<T extends string> {
  readonly open: boolean;
  /** "<Name> Properties". */
  readonly title: string;
  readonly tabs: readonly PropertySheetTab<T>[];
  readonly selectedTab: T;
  readonly onSelectTab: (tab: T) => void;
  /** False while loading or when loading failed: only Cancel works. */
  readonly ready: boolean;
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly blocked: PropertySheetBlock<T> | null;
  /** An error from the core, shown in a MessageBar above the tabs. */
  readonly error: string | null;
  readonly onDismissError: () => void;
  /** Saves the changes; resolves true when they were saved. */
  readonly onApply: () => Promise<boolean>;
  readonly onClose: () => void;
  readonly children: ReactNode;
}
