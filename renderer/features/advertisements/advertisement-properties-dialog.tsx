import { useState } from 'react';
import type { AdvertisementDto, ApiResult, CourierClient } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { PropertySheet, SessionLoadState, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { advertisementPageLabels, advertisementPages, type AdvertisementPage } from './advertisement-draft';
import { AdvertisementDryRunPage } from './advertisement-dry-run-page';
import { advertisementProperties, type AdvertisementSheetChanges, type SavedAdvertisement } from './advertisement-properties-model';
import { AdvertisementSettingsPage } from './advertisement-settings-page';
import { assignedScheduleOf, schedulesOf } from './assigned-schedule-request';

/** The wizard's pages, and Dry Run: the sheet's own tab, which edits nothing. */
type SheetTab = AdvertisementPage | 'dryRun';
const tabs: readonly { id: SheetTab; label: string }[] = [...advertisementPages.map((id) => ({ id, label: advertisementPageLabels[id] })), { id: 'dryRun', label: 'Dry Run' }];

/** The advertisement with its schedules decoded, as the sheet shows it. */
async function withSchedules(courier: CourierClient, read: ApiResult<AdvertisementDto>): Promise<ApiResult<SavedAdvertisement>> {
  if (!read.ok) return read;
  const schedules = await schedulesOf(courier, read.value.assignedSchedule);
  return schedules.ok ? { ok: true, value: { advertisement: read.value, schedules: schedules.value } } : { ok: false, error: schedules.error };
}

async function save(courier: CourierClient, advertisementId: string, { schedules, ...fields }: AdvertisementSheetChanges): Promise<ApiResult<SavedAdvertisement>> {
  let changes = fields;
  if (schedules !== undefined) {
    const tokens = await assignedScheduleOf(courier, schedules);
    if (!tokens.ok) return { ok: false, error: tokens.error };
    changes = { ...fields, assignedSchedule: tokens.value } as typeof fields;
  }
  return withSchedules(courier, await courier['advertisements:update']({ advertisementId, changes }));
}

export interface AdvertisementPropertiesDialogProps {
  readonly advertisementId: string;
  readonly onClose: () => void;
  readonly onSaved?: (advertisement: AdvertisementDto) => void;
}

/** An advertisement's Properties: one tab per page of its wizard; OK, Cancel and Apply save only what changed. */
export function AdvertisementPropertiesDialog({ advertisementId, onClose, onSaved }: AdvertisementPropertiesDialogProps) {
  const courier = useCourier();
  const session = usePropertiesSession(
    advertisementProperties,
    async () => withSchedules(courier, await courier['advertisements:get']({ advertisementId })),
    (_, changes) => save(courier, advertisementId, changes),
    (saved) => onSaved?.(saved.advertisement),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  const sheet = sessionSheetProps(advertisementProperties, session);
  // Dry Run is shown over the page it was opened from; a jump to a field's page (a refused Apply) leaves it.
  const [dryRunOver, setDryRunOver] = useState<AdvertisementPage | null>(null);
  const dryRun = dryRunOver !== null && dryRunOver === sheet.selectedTab;
  return (
    <PropertySheet<SheetTab>
      open
      title={`${ready ? ready.saved.advertisement.advertisementName : advertisementId} Properties`}
      tabs={tabs}
      {...sheet}
      selectedTab={dryRun ? 'dryRun' : sheet.selectedTab}
      onSelectTab={(tab) => {
        setDryRunOver(tab === 'dryRun' ? sheet.selectedTab : null);
        if (tab !== 'dryRun') sheet.onSelectTab(tab);
      }}
      onClose={onClose}
    >
      <SessionLoadState state={state} reading="Reading the advertisement…" />
      {ready && dryRun && <AdvertisementDryRunPage advertisementId={advertisementId} />}
      {ready && !dryRun && (
        <AdvertisementSettingsPage
          page={ready.tab}
          draft={ready.draft}
          issues={advertisementProperties.propertiesIssues(ready)}
          onChange={(changes) => dispatch({ type: 'edit', changes })}
        />
      )}
    </PropertySheet>
  );
}
