import type { ComputerProgramSettings, DeviceProgramSettings } from '../../../core/api';
import type { DeviceProgramField, ProgramField } from './program-fields';
import type { FieldIssues } from './settings-rules';

/** What every program page gets, in the wizard and in the property sheet alike. */
export interface ProgramPageProps {
  readonly draft: ComputerProgramSettings;
  /** Problems to show inline, one per field. */
  readonly issues: FieldIssues<ProgramField>;
  /** Edits go through applyProgramDraftChange in the owner, which clears what they disable. */
  readonly onChange: (changes: Partial<ComputerProgramSettings>) => void;
  /** The package the program belongs to. */
  readonly packageId: string;
  /** The program's saved name in its Properties; a program cannot run itself first. */
  readonly savedName?: string;
}

export interface DeviceProgramPageProps {
  readonly draft: DeviceProgramSettings;
  readonly issues: FieldIssues<DeviceProgramField>;
  readonly onChange: (changes: Partial<DeviceProgramSettings>) => void;
}
