import { Checkbox, Dropdown, Option, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { canRunWhenModes } from '../../../core/api';
import { FormRow, MessageLine, SmallControls, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { adminInteractionWarning, canRunWhenLabels, driveModeLabels, runModeLabels } from './program-labels';
import type { ProgramPageProps } from './program-page-props';

const driveLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

const useStyles = makeStyles({
  warning: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  warningIcon: { flexShrink: 0, fontSize: '16px', color: tokens.colorStatusWarningForeground1 },
  letter: { minWidth: '64px', width: '64px' },
  // Beside the drive letter, on its line: choosing the option never moves what is below.
  besideLetter: { flexGrow: 1, flexBasis: 0 },
});

export function ProgramEnvironmentPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useFormStyles();
  const styles = useStyles();
  const admin = draft.runMode === 'adminRights';
  const userRightsAllowed = draft.canRunWhen === 'userLoggedOn';
  const interactionAllowed = admin && draft.canRunWhen !== 'noUserLoggedOn';
  const specific = draft.driveMode === 'specificDriveLetter';
  return (
    <div className={page.page}>
      <FormRow label="Program can run" field="canRunWhen" issue={issues.canRunWhen}>
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
      </FormRow>
      <GroupFrame legend="Run mode">
        <RadioGroup
          aria-label="Run mode"
          value={draft.runMode}
          onChange={(_, data) => onChange({ runMode: data.value === 'adminRights' ? 'adminRights' : 'userRights' })}
          {...fieldAnchor('runMode')}
        >
          <Radio value="userRights" label={runModeLabels.userRights} disabled={!userRightsAllowed} />
          <Radio value="adminRights" label={runModeLabels.adminRights} />
        </RadioGroup>
        {/* The page disables what the rules forbid, so these lines speak only of an older record. */}
        <MessageLine issue={issues.runMode} reserve={false} />
        <div className={page.nested} {...fieldAnchor('useInstallAccount')}>
          <Checkbox
            label="Use Software Installation Account"
            checked={draft.useInstallAccount}
            disabled={!admin}
            onChange={(_, data) => onChange({ useInstallAccount: data.checked === true })}
          />
          <MessageLine issue={issues.useInstallAccount} reserve={false} />
        </div>
        <div {...fieldAnchor('allowUserInteraction')}>
          <Checkbox
            label="Allow users to interact with this program"
            checked={draft.allowUserInteraction}
            disabled={!interactionAllowed}
            onChange={(_, data) => onChange({ allowUserInteraction: data.checked === true })}
          />
          <MessageLine issue={issues.allowUserInteraction} reserve={false} />
        </div>
        {admin && draft.allowUserInteraction && (
          <div className={styles.warning} role="note">
            <WarningRegular className={styles.warningIcon} aria-hidden />
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
          {...fieldAnchor('driveMode')}
        >
          <Radio value="unc" label={driveModeLabels.unc} />
          <Radio value="driveLetter" label={driveModeLabels.driveLetter} />
          <div className={page.inline} {...fieldAnchor('driveLetter')}>
            <Radio value="specificDriveLetter" label={driveModeLabels.specificDriveLetter} />
            <SmallControls>
              <Dropdown
                className={styles.letter}
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
            </SmallControls>
            <MessageLine issue={issues.driveLetter} className={styles.besideLetter} />
          </div>
        </RadioGroup>
        <div {...fieldAnchor('reconnectAtLogon')}>
          <Checkbox
            label="Reconnect to distribution point at logon"
            checked={draft.reconnectAtLogon}
            disabled={draft.driveMode === 'unc'}
            onChange={(_, data) => onChange({ reconnectAtLogon: data.checked === true })}
          />
          <MessageLine issue={issues.reconnectAtLogon} reserve={false} />
        </div>
      </GroupFrame>
    </div>
  );
}
