import type { ComputerProgramSettings, DeviceProgramSettings, ProgramDto } from '../../../core/api';
import { propertiesModel, type PropertiesAction, type PropertiesState, type ReadyProperties } from '../../components/property-sheet';
import { deviceProgramRules, programRules } from './program-draft';
import { fieldFromErrorPath } from './program-fields';
import { changedFields, pickSettings, type FieldIssues, type SettingsRules } from './settings-rules';

/**
 * A program's Properties: the tabs of its wizard, computer or device. The draft is a union so
 * one sheet serves both; `kind` says which rules apply.
 */
export type ProgramDraft =
  | { readonly kind: 'computer'; readonly settings: ComputerProgramSettings }
  | { readonly kind: 'device'; readonly settings: DeviceProgramSettings };

export interface ProgramPropertiesSpec {
  readonly saved: ProgramDto;
  readonly draft: ProgramDraft;
  readonly edit: Partial<ComputerProgramSettings> | Partial<DeviceProgramSettings>;
  readonly changes: Record<string, unknown>;
  readonly issues: FieldIssues<string>;
  readonly tab: string;
}

export type ProgramPropertiesState = PropertiesState<ProgramPropertiesSpec>;
export type ProgramPropertiesAction = PropertiesAction<ProgramPropertiesSpec>;
export type ReadyProgramState = ReadyProperties<ProgramPropertiesSpec>;

// Both rule sets behind one signature: the draft's kind picks the right one.
type AnyRules = SettingsRules<Record<string, unknown>, string>;

export function rulesOf(draft: ProgramDraft): AnyRules {
  return (draft.kind === 'computer' ? programRules : deviceProgramRules) as unknown as AnyRules;
}

export function draftOf(program: ProgramDto): ProgramDraft {
  return program.kind === 'computer'
    ? { kind: 'computer', settings: pickSettings(programRules, program) }
    : { kind: 'device', settings: pickSettings(deviceProgramRules, program) };
}

/** A program's Properties: its wizard's rules (computer or device), renames included in what is saved. */
export const programProperties = propertiesModel<ProgramPropertiesSpec>({
  draftOf,
  apply: (draft, edit) =>
    draft.kind === 'computer'
      ? { kind: 'computer', settings: programRules.apply(draft.settings, edit as Partial<ComputerProgramSettings>) }
      : { kind: 'device', settings: deviceProgramRules.apply(draft.settings, edit as Partial<DeviceProgramSettings>) },
  changes: (saved, draft) => changedFields(draftOf(saved).settings as Record<string, unknown>, draft.settings as Record<string, unknown>),
  issues: (draft) => rulesOf(draft).issues(draft.settings as Record<string, unknown>),
  fieldTabs: (draft) => rulesOf(draft).fieldPage,
  fieldLabel: (field, draft) => rulesOf(draft).fieldLabels[field] ?? field,
  fieldOfError: (path, draft) => fieldFromErrorPath(path, rulesOf(draft).fieldPage),
  firstTab: 'general',
});
