import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ComputerProgramSettings, DeviceProgramSettings, ProgramDto } from '../../../core/api';
import { PropertySheet, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { useCourier } from '../../client/courier-context';
import { useLastValue, useOpenCount } from '../../components/use-last-value';
import { DeviceProgramSettingsPage } from './device-program-pages';
import { deviceProgramRules, programRules } from './program-draft';
import type { DeviceProgramField, DeviceProgramSettingPageId, ProgramField, ProgramSettingPageId } from './program-fields';
import { programProperties, type ReadyProgramState } from './program-properties-reducer';
import { ProgramSettingsPage } from './program-settings-page';
import type { FieldIssues } from './settings-rules';

export interface ProgramPropertiesDialogProps {
  /** The program to show; null closes the sheet. */
  readonly program: { readonly packageId: string; readonly name: string } | null;
  readonly onClose: () => void;
  readonly onSaved?: (program: ProgramDto, previousName: string) => void;
}

function tabsOf(kind: 'computer' | 'device') {
  const rules = kind === 'computer' ? programRules : deviceProgramRules;
  return rules.pages.map((id) => ({ id: id as string, label: (rules.pageLabels as Record<string, string>)[id] ?? id }));
}

function TabBody({ state, onEdit }: {
  readonly state: ReadyProgramState;
  readonly onEdit: (changes: Partial<ComputerProgramSettings> | Partial<DeviceProgramSettings>) => void;
}) {
  const issues = programProperties.propertiesIssues(state);
  if (state.draft.kind === 'computer') {
    return (
      <ProgramSettingsPage
        page={state.tab as ProgramSettingPageId}
        draft={state.draft.settings}
        issues={issues as FieldIssues<ProgramField>}
        onChange={onEdit}
        packageId={state.saved.packageId}
        savedName={state.saved.name}
      />
    );
  }
  return (
    <DeviceProgramSettingsPage
      page={state.tab as DeviceProgramSettingPageId}
      draft={state.draft.settings}
      issues={issues as FieldIssues<DeviceProgramField>}
      onChange={onEdit}
    />
  );
}

function ProgramPropertiesSession({ open, packageId, name, onClose, onSaved }: {
  readonly open: boolean;
  readonly packageId: string;
  readonly name: string;
  readonly onClose: () => void;
  readonly onSaved?: (program: ProgramDto, previousName: string) => void;
}) {
  const courier = useCourier();
  const session = usePropertiesSession(
    programProperties,
    () => courier['programs:get']({ packageId, programName: name }),
    (ready, changes) => courier['programs:update']({ packageId, programName: ready.saved.name, changes }),
    (saved, before) => onSaved?.(saved, before.name),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  return (
    <PropertySheet<string>
      open={open}
      title={`${ready ? ready.saved.name : name} Properties`}
      tabs={tabsOf(ready?.draft.kind ?? 'computer').filter((tab) => ready !== null || tab.id === 'general')}
      {...sessionSheetProps(programProperties, session)}
      onClose={onClose}
    >
      {state.kind === 'loading' && <Spinner label="Loading the program…" />}
      {state.kind === 'loadFailed' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {ready && <TabBody state={ready} onEdit={(changes) => dispatch({ type: 'edit', changes })} />}
    </PropertySheet>
  );
}

/** A program's Properties: one tab per page of its wizard; saves only what changed, renames included. */
export function ProgramPropertiesDialog({ program, onClose, onSaved }: ProgramPropertiesDialogProps) {
  const shown = useLastValue(program);
  const opening = useOpenCount(program !== null);
  if (shown === null) return null;
  return (
    <ProgramPropertiesSession
      key={`${opening}:${shown.packageId}:${shown.name}`}
      open={program !== null}
      packageId={shown.packageId}
      name={shown.name}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
