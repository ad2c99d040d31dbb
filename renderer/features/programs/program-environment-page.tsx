import { Checkbox, Dropdown, Field, Option, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { canRunWhenModes } from '../../../core/api';
import { GroupFrame } from '../../components/property-sheet';
import { adminInteractionWarning, canRunWhenLabels, driveModeLabels, runModeLabels } from './program-labels';
import type { ProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

const driveLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function ProgramEnvironmentPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useProgramPageStyles();
  const admin = draft.runMode === 'adminRights';
  const userRightsAllowed = draft.canRunWhen === 'userLoggedOn';
  const interactionAllowed = admin && draft.canRunWhen !== 'noUserLoggedOn';
  const specific = draft.driveMode === 'specificDriveLetter';
  return (
    <div className={page.page}>
      <Field label="Program can run" orientation="horizontal" className={page.labelled} validationMessage={issues.canRunWhen}>
        <Dropdown
          className={page.dropdown}
          value={canRunWhenLabels[draft.canRunWhen]}
          selectedOptions={[draft.canRunWhen]}
          onOptionSelect={(_, data) => {
            const canRunWhen = canRunWhenModes.find((m) => m === data.optionValue);
            if (canRunWhen) onChange({ canRunWhen });
          }}
        >
          {canRunWhenModes.map((mode) => (
            <Option key={mode} value={mode}>
              {canRunWhenLabels[mode]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <GroupFrame legend="Run mode">
        <Field validationMessage={issues.runMode}>
          <RadioGroup
            aria-label="Run mode"
            value={draft.runMode}
            onChange={(_, data) => onChange({ runMode: data.value === 'adminRights' ? 'adminRights' : 'userRights' })}
          >
            <Radio value="userRights" label={runModeLabels.userRights} disabled={!userRightsAllowed} />
            <Radio value="adminRights" label={runModeLabels.adminRights} />
          </RadioGroup>
        </Field>
        <div className={page.nested}>
          <Field validationMessage={issues.useInstallAccount}>
            <Checkbox
              label="Use Software Installation Account"
              checked={draft.useInstallAccount}
              disabled={!admin}
              onChange={(_, data) => onChange({ useInstallAccount: data.checked === true })}
            />
          </Field>
        </div>
        <Field validationMessage={issues.allowUserInteraction}>
          <Checkbox
            label="Allow users to interact with this program"
            checked={draft.allowUserInteraction}
            disabled={!interactionAllowed}
            onChange={(_, data) => onChange({ allowUserInteraction: data.checked === true })}
          />
        </Field>
        {admin && draft.allowUserInteraction && (
          <div className={page.warning} role="note">
            <WarningRegular className={page.warningIcon} aria-hidden />
            <Text size={200}>
              <Text size={200} weight="semibold">
                Important:{' '}
              </Text>
              {adminInteractionWarning}
            </Text>
          </div>
        )}
      </GroupFrame>
      <GroupFrame legend="Drive mode">
        <RadioGroup
          aria-label="Drive mode"
          value={draft.driveMode}
          onChange={(_, data) => {
            const driveMode = data.value === 'driveLetter' || data.value === 'specificDriveLetter' ? data.value : 'unc';
            onChange({ driveMode });
          }}
        >
          <Radio value="unc" label={driveModeLabels.unc} />
          <Radio value="driveLetter" label={driveModeLabels.driveLetter} />
          <div className={page.inline}>
            <Radio value="specificDriveLetter" label={driveModeLabels.specificDriveLetter} />
            <Dropdown
              className={page.letter}
              aria-label="Drive letter"
              disabled={!specific}
              placeholder="—"
              value={draft.driveLetter === '' ? '' : `${draft.driveLetter}:`}
              selectedOptions={draft.driveLetter === '' ? [] : [draft.driveLetter]}
              onOptionSelect={(_, data) => data.optionValue && onChange({ driveLetter: data.optionValue })}
            >
              {driveLetters.map((letter) => (
                <Option key={letter} value={letter} text={`${letter}:`}>
                  {`${letter}:`}
                </Option>
              ))}
            </Dropdown>
          </div>
        </RadioGroup>
        {issues.driveLetter !== undefined && (
          <div className={page.nested}>
            <Field validationMessage={issues.driveLetter} validationState="error" />
          </div>
        )}
        <Checkbox
          label="Reconnect to distribution point at logon"
          checked={draft.reconnectAtLogon}
          disabled={draft.driveMode === 'unc'}
          onChange={(_, data) => onChange({ reconnectAtLogon: data.checked === true })}
        />
      </GroupFrame>
    </div>
  );
}
