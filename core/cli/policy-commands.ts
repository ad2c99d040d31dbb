import type { Command } from 'commander';
import type { CommandContext } from './command-context';
import { formatPolicy } from './format-policy';

/** `courier policy show --resource NAME` (docs/advertisements.md#what-a-resource-receives). */
export function registerPolicyCommands(root: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const policy = root.command('policy').description('what resources would receive, and why').helpCommand(false);
  withGlobalOptions(
    policy.command('show').description('the advertisements a resource would receive now, with the collection and rule each comes through').requiredOption('--resource <resource>', 'a resource ID, or a name (any case)'),
  ).action((opts: { resource: string }, command: Command) =>
    withCore(command, async (core, globals) => {
      const shown = unwrap(await core.client['policy:show']({ resource: opts.resource }));
      print(globals, shown, () => formatPolicy(shown));
    }),
  );
}
