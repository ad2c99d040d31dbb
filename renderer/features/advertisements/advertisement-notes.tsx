import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';

type AgentState = { readonly kind: 'unknown' } | { readonly kind: 'on' } | { readonly kind: 'off'; readonly error: string | null } | { readonly kind: 'turnedOn' };

/**
 * Whether the package is on a distribution point that is not being removed, or needs none (no
 * source files: its program runs what the client has): null while unknown.
 */
function usePackageOnDps(packageId: string): boolean | null {
  const courier = useCourier();
  const [onDps, setOnDps] = useState<{ readonly packageId: string; readonly value: boolean } | null>(null);
  useEffect(() => {
    if (packageId === '') return;
    let current = true;
    void Promise.all([settle(() => courier['packages:get']({ packageId })), settle(() => courier['packages:status']({ packageId }))]).then(([pkg, status]) => {
      if (!current) return;
      if (pkg.ok && !pkg.value.containsSourceFiles) setOnDps({ packageId, value: true });
      else if (status.ok) {
        const rows = status.value.distributionPoints.filter((dp) => dp.state !== 'removalPending' && dp.state !== 'removalFailed');
        setOnDps({ packageId, value: rows.length > 0 });
      }
    });
    return () => {
      current = false;
    };
  }, [courier, packageId]);
  return onDps?.packageId === packageId ? onDps.value : null;
}

/**
 * What the suite warns of before an advertisement is made: a package on no distribution point
 * (clients cannot run the program until it is distributed), and an Advertised Programs Client
 * Agent that is off, with the offer to turn it on. The advertisement can be made either way.
 */
export function AdvertisementNotes({ packageId }: { readonly packageId: string }): ReactNode {
  const courier = useCourier();
  const onDps = usePackageOnDps(packageId);
  const [agent, setAgent] = useState<AgentState>({ kind: 'unknown' });
  const turnedOn = useRef<HTMLDivElement>(null);

  // The button the admin pressed goes away: the focus goes to what it did, so it stays in the dialog (Escape, Tab, Enter still work).
  useEffect(() => {
    if (agent.kind === 'turnedOn') turnedOn.current?.focus();
  }, [agent.kind]);

  useEffect(() => {
    let current = true;
    void settle(() => courier['client-agents:get']({ agent: 'advertised-programs' })).then((result) => {
      if (current && result.ok) setAgent(result.value.enabled ? { kind: 'on' } : { kind: 'off', error: null });
    });
    return () => {
      current = false;
    };
  }, [courier]);

  async function turnOn(): Promise<void> {
    const result = await settle(() => courier['client-agents:set']({ agent: 'advertised-programs', changes: { enabled: true } }));
    setAgent(result.ok ? { kind: 'turnedOn' } : { kind: 'off', error: result.error.message });
  }

  return (
    <>
      {onDps === false && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Package {packageId} is on no distribution point yet: clients receive the advertisement but cannot run the program until the package
            is distributed (Packages › the package › Distribution Points › New Distribution Points).
          </MessageBarBody>
        </MessageBar>
      )}
      {agent.kind === 'off' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The Advertised Programs Client Agent is off: clients run no advertised programs until it is turned on.
            {agent.error !== null && ` It could not be turned on: ${agent.error}`}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void turnOn()}>
              Turn on the client agent
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {agent.kind === 'turnedOn' && (
        <MessageBar ref={turnedOn} tabIndex={-1} intent="success">
          <MessageBarBody>The Advertised Programs Client Agent is on; clients pick it up at their next policy poll.</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
