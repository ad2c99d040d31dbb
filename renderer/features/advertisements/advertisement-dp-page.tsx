import { Checkbox, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { fastNetworkOptions, slowNetworkOptions } from '../../../core/api';
import { fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { fastNetworkLabels, slowNetworkLabels } from './advertisement-labels';
import { offersField } from './advertisement-draft';
import type { AdvertisementPageProps } from './advertisement-page-props';

/** Distribution Points: how a client runs the program from a fast boundary and from a slow or unreliable one. */
export function AdvertisementDpPage({ draft, onChange }: AdvertisementPageProps) {
  const page = useFormStyles();
  // A device downloads the program and runs it locally; running from the DP and fallback are the computer client's.
  const forDevices = draft.kind === 'device';
  const fastOptions = forDevices ? fastNetworkOptions.filter((o) => o !== 'runFromDp') : fastNetworkOptions;
  const slowOptions = forDevices ? slowNetworkOptions.filter((o) => o !== 'runFromDp') : slowNetworkOptions;
  return (
    <div className={page.page}>
      <GroupFrame legend="When a client is connected within a fast (LAN) network boundary">
        <RadioGroup
          aria-label="Fast (LAN) network boundary"
          value={draft.fastNetwork}
          onChange={(_, data) => {
            const fastNetwork = fastNetworkOptions.find((o) => o === data.value);
            if (fastNetwork) onChange({ fastNetwork });
          }}
          {...fieldAnchor('fastNetwork')}
        >
          {fastOptions.map((o) => (
            <Radio key={o} value={o} label={fastNetworkLabels[o]} />
          ))}
        </RadioGroup>
      </GroupFrame>
      <GroupFrame legend="When a client is connected within a slow or unreliable network boundary">
        <RadioGroup
          aria-label="Slow or unreliable network boundary"
          value={draft.slowNetwork}
          onChange={(_, data) => {
            const slowNetwork = slowNetworkOptions.find((o) => o === data.value);
            if (slowNetwork) onChange({ slowNetwork });
          }}
          {...fieldAnchor('slowNetwork')}
        >
          {slowOptions.map((o) => (
            <Radio key={o} value={o} label={slowNetworkLabels[o]} />
          ))}
        </RadioGroup>
      </GroupFrame>
      {!offersField(draft.kind, 'allowFallbackToUnprotectedDps') ? (
        <Text className={page.note}>
          A device downloads the program from the distribution point and runs it locally, or on a slow or unreliable boundary does not
          run it. Running the program from the distribution point and falling back to unprotected ones are for computers.
        </Text>
      ) : (
        <>
          <Checkbox
            label="Allow clients to fallback to unprotected distribution points"
            checked={draft.allowFallbackToUnprotectedDps}
            onChange={(_, data) => onChange({ allowFallbackToUnprotectedDps: data.checked === true })}
          />
          <Text className={page.note}>
            Downloading first lets a client pick up an interrupted download where it left off; running from the distribution point fails if
            the connection drops while the program runs.
          </Text>
        </>
      )}
    </div>
  );
}
