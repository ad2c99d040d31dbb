import type { SettingsPageProps } from '../programs/settings-wizard';
import type { AdvertisementDraft } from './advertisement-draft';

/** What every advertisement page gets, in the wizard and in the property sheet alike. */
export type AdvertisementPageProps = SettingsPageProps<AdvertisementDraft>;
