import { PhoneRegular, WindowRegular } from '@fluentui/react-icons';
import { fullPackageName, type ComputerProgramSettings, type DeviceProgramSettings, type ProgramDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { useStore } from 'zustand';
import { useConsoleStores } from '../../console/console-stores';
import { useOpenCount } from '../../components/use-last-value';
import { DeviceProgramSettingsPage } from './device-program-pages';
import { deviceProgramRules, newDeviceProgramDraft, newProgramDraft, programRules } from './program-draft';
import { ProgramSettingsPage } from './program-settings-page';
import { deviceProgramSummary, programSummary } from './program-summary';
import { SettingsWizard } from './settings-wizard';

export interface NewProgramWizardProps {
  readonly open: boolean;
  readonly packageId: string;
  readonly onClose: () => void;
  readonly onCreated?: (program: ProgramDto) => void;
}

function usePackageLabel(): (packageId: string) => string {
  const packages = useStore(useConsoleStores().packages, (s) => s.list.items);
  return (packageId) => {
    const pkg = packages.find((p) => p.packageId === packageId);
    return pkg ? `${fullPackageName(pkg)} (${packageId})` : packageId;
  };
}

function createdRows(program: ProgramDto) {
  return [
    { label: 'Program name', value: program.name },
    { label: 'Package ID', value: program.packageId },
  ];
}

/** The New Program Wizard (docs/software-distribution.md#new-program-wizard); each opening starts from the defaults. */
export function NewProgramWizard({ open, packageId, onClose, onCreated }: NewProgramWizardProps) {
  const courier = useCourier();
  const opening = useOpenCount(open);
  const packageLabel = usePackageLabel();
  return (
    <SettingsWizard<ComputerProgramSettings, (typeof programRules.pages)[number], ProgramDto>
      key={opening}
      open={open}
      title="New Program Wizard"
      icon={<WindowRegular />}
      rules={programRules}
      initialDraft={newProgramDraft()}
      renderPage={(page, props) => <ProgramSettingsPage page={page} {...props} packageId={packageId} />}
      summary={(draft) => programSummary(draft, packageLabel)}
      summaryIntro={`The wizard will create a program in ${packageLabel(packageId)} with these settings. Click Next to create it.`}
      busyLabel="Creating the program…"
      notDone="The program was not created."
      create={(draft) => courier['programs:create']({ packageId, program: draft })}
      createdRows={createdRows}
      onCreated={onCreated}
      onClose={onClose}
    />
  );
}

/** The New Program For Device Wizard: a program for Windows CE devices. */
export function NewDeviceProgramWizard({ open, packageId, onClose, onCreated }: NewProgramWizardProps) {
  const courier = useCourier();
  const opening = useOpenCount(open);
  const packageLabel = usePackageLabel();
  return (
    <SettingsWizard<DeviceProgramSettings, (typeof deviceProgramRules.pages)[number], ProgramDto>
      key={opening}
      open={open}
      title="New Program For Device Wizard"
      icon={<PhoneRegular />}
      rules={deviceProgramRules}
      initialDraft={newDeviceProgramDraft()}
      renderPage={(page, props) => <DeviceProgramSettingsPage page={page} {...props} />}
      summary={deviceProgramSummary}
      summaryIntro={`The wizard will create a program for devices in ${packageLabel(packageId)} with these settings. Click Next to create it.`}
      busyLabel="Creating the program…"
      notDone="The program was not created."
      create={(draft) => courier['programs:create-device']({ packageId, program: draft })}
      createdRows={createdRows}
      onCreated={onCreated}
      onClose={onClose}
    />
  );
}
