import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { PackageDpValidationDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { formatBytes, formatFiles } from './package-dp-labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  dp: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ok: { color: tokens.colorStatusSuccessForeground1, fontSize: '20px', flexShrink: 0 },
  bad: { color: tokens.colorStatusDangerForeground1, fontSize: '20px', flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, wordBreak: 'break-all' },
});

export interface ValidateDialogProps {
  readonly packageId: string;
  /** One DP row's Validate; absent for the package's Validate Distribution Points (every DP). */
  readonly distributionPoint?: string;
  readonly onDone: (summary: string) => void;
  readonly onClose: () => void;
}

type Step =
  | { readonly status: 'checking' }
  | { readonly status: 'ready'; readonly dps: readonly PackageDpValidationDto[] }
  | { readonly status: 'error'; readonly error: string };

function Names({ label, names }: { readonly label: string; readonly names: readonly string[] }): ReactNode {
  if (names.length === 0) return null;
  return (
    <Text>
      {label} ({names.length}): <Text font="monospace">{names.join(', ')}</Text>
    </Text>
  );
}

function DpResult({ dp }: { readonly dp: PackageDpValidationDto }): ReactNode {
  const styles = useStyles();
  const checked = `${formatFiles(dp.checkedFiles)}, ${formatBytes(dp.checkedBytes)} checked`;
  let verdict: string;
  if (dp.error !== null && dp.checkedFiles === 0 && dp.repaired === null) verdict = 'not checked';
  else if (dp.repaired !== null) verdict = dp.ok ? `repaired: it now matches source version ${dp.sourceVersion}` : 'still differs after the repair';
  else verdict = dp.ok ? `OK: matches source version ${dp.sourceVersion} (${checked})` : `differs from source version ${dp.sourceVersion} (${checked})`;
  return (
    <li className={styles.dp} aria-label={`${dp.name}: ${verdict}`}>
      {dp.ok ? <CheckmarkCircleRegular className={styles.ok} aria-hidden /> : <ErrorCircleRegular className={styles.bad} aria-hidden />}
      <div className={styles.text}>
        <Text weight="semibold">
          {dp.name}: {verdict}
        </Text>
        {dp.path !== null && <Text font="monospace">{dp.path}</Text>}
        <Names label={dp.repaired ? 'Was missing' : 'Missing'} names={dp.missing} />
        <Names label={dp.repaired ? 'Was changed' : 'Changed'} names={dp.changed} />
        <Names label={dp.repaired ? 'Was extra' : 'Extra'} names={dp.extra} />
        <Names label="Missing folders" names={dp.missingFolders} />
        {dp.repaired !== null && (
          <>
            <Names label="Copied again from the source" names={dp.repaired.rewritten} />
            <Names label="Deleted" names={dp.repaired.removed} />
            <Names label="Folders made" names={dp.repaired.createdFolders} />
          </>
        )}
        {dp.error !== null && <Text>{dp.error}</Text>}
      </div>
    </li>
  );
}

/**
 * Validate: each DP's copy re-hashed against the manifest of the version it holds, and what is
 * missing, extra or changed; Repair puts right only that, on the DPs that are not OK.
 */
export function ValidateDialog({ packageId, distributionPoint, onDone, onClose }: ValidateDialogProps): ReactNode {
  const courier = useCourier();
  const styles = useStyles();
  const [step, setStep] = useState<Step>({ status: 'checking' });
  // Only the repair holds the buttons: while the first check runs Cancel stays usable and the dialog keeps a focusable button.
  const [busy, setBusy] = useState<string | null>(null);
  const [repairError, setRepairError] = useState<string | null>(null);

  useEffect(() => {
    let closed = false;
    void settle(() => courier['packages:validate']({ packageId, ...(distributionPoint !== undefined ? { distributionPoint } : {}) })).then((result) => {
      if (closed) return;
      setStep(result.ok ? { status: 'ready', dps: result.value.distributionPoints } : { status: 'error', error: result.error.message });
    });
    return () => {
      closed = true;
    };
  }, [courier, packageId, distributionPoint]);

  const dps = step.status === 'ready' ? step.dps : [];
  const toRepair = dps.filter((dp) => !dp.ok && !(dp.error !== null && dp.checkedFiles === 0 && dp.repaired === null));

  async function repair(): Promise<void> {
    setBusy(`Repairing ${toRepair.map((dp) => dp.name).join(', ')}…`);
    setRepairError(null);
    const answers = new Map<string, PackageDpValidationDto>();
    for (const dp of toRepair) {
      const result = await settle(() => courier['packages:validate']({ packageId, distributionPoint: dp.name, repair: true }));
      if (!result.ok) {
        setRepairError(`${dp.name}: ${result.error.message}`);
        break;
      }
      for (const answer of result.value.distributionPoints) answers.set(answer.name, answer);
    }
    const next = dps.map((dp) => answers.get(dp.name) ?? dp);
    setStep({ status: 'ready', dps: next });
    setBusy(null);
    const fixed = next.filter((dp) => dp.repaired !== null && dp.ok).map((dp) => dp.name);
    if (fixed.length > 0) onDone(`Package ${packageId} repaired on ${fixed.join(', ')}: it matches its manifest there again.`);
  }

  const title = distributionPoint === undefined ? 'Validate Distribution Points' : `Validate ${distributionPoint}`;
  return (
    <FormDialog
      open
      title={title}
      okLabel="Repair"
      okDisabled={toRepair.length === 0}
      busy={busy}
      onOk={() => void repair()}
      onCancel={onClose}
    >
      {step.status === 'checking' && <Spinner size="tiny" label={`Re-hashing the copies of package ${packageId} on the distribution points…`} />}
      {step.status === 'error' && <Text>Package {packageId} could not be validated: {step.error}</Text>}
      {step.status === 'ready' && dps.length === 0 && <Text>Package {packageId} is on no distribution point, so there is nothing to validate.</Text>}
      {step.status === 'ready' && dps.length > 0 && (
        <>
          <Text>
            {toRepair.length === 0
              ? 'Every copy checked matches its manifest: nothing to repair.'
              : `Repair copies the missing and changed files again from the package's source and deletes the extra ones, on ${toRepair.map((dp) => dp.name).join(', ')} only.`}
          </Text>
          <ul className={styles.list} aria-label="Distribution points validated">
            {dps.map((dp) => (
              <DpResult key={dp.name} dp={dp} />
            ))}
          </ul>
        </>
      )}
      {repairError !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{repairError}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
