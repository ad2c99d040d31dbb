import type { AdvertisementDto, ApiResult, CourierClient } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { PropertySheet, SessionLoadState, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { advertisementPageLabels, advertisementPages, type AdvertisementPage } from './advertisement-draft';
import { advertisementProperties, type AdvertisementSheetChanges, type SavedAdvertisement } from './advertisement-properties-model';
import { AdvertisementSettingsPage } from './advertisement-settings-page';
import { assignedScheduleOf, schedulesOf } from './assigned-schedule-request';

const tabs = advertisementPages.map((id) => ({ id, label: advertisementPageLabels[id] }));

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
  return (
    <PropertySheet<AdvertisementPage>
      open
      title={`${ready ? ready.saved.advertisement.advertisementName : advertisementId} Properties`}
      tabs={tabs}
      {...sessionSheetProps(advertisementProperties, session)}
      onClose={onClose}
    >
      <SessionLoadState state={state} reading="Reading the advertisement…" />
      {ready && (
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
