import {
  makeStyles,
  tokens,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  ToolbarToggleButton,
  Tooltip,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowLeftRegular,
  ArrowRightRegular,
  DeleteRegular,
  FolderArrowUpRegular,
  PanelLeftRegular,
  PanelRightRegular,
  QuestionCircleRegular,
  SettingsRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { findCommand, type Action, type CommandAction } from '../components/action-menu';

const useStyles = makeStyles({
  root: {
    flex: 'none',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface ShellToolbarProps {
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  readonly canGoUp: boolean;
  readonly onBack: () => void;
  readonly onForward: () => void;
  readonly onUp: () => void;
  /** The actions of what is selected; Refresh, Properties, Delete and Help come from here. */
  readonly actions: readonly Action[];
  readonly showTree: boolean;
  readonly showActionsPane: boolean;
  readonly onShowTree: (show: boolean) => void;
  readonly onShowActionsPane: (show: boolean) => void;
}

function ToolButton(props: {
  readonly label: string;
  readonly icon: FluentIcon;
  readonly disabled: boolean;
  readonly onClick: () => void;
}): ReactNode {
  const Icon = props.icon;
  return (
    <Tooltip content={props.label} relationship="label" withArrow>
      <ToolbarButton icon={<Icon />} disabledFocusable={props.disabled} onClick={props.disabled ? undefined : props.onClick} />
    </Tooltip>
  );
}

/** MMC's standard toolbar: navigation, then the commands of what is selected, enabled per selection. */
export function ShellToolbar(props: ShellToolbarProps): ReactNode {
  const styles = useStyles();

  function commandButton(id: string, label: string, icon: FluentIcon): ReactNode {
    const command = findCommand(props.actions, id);
    return (
      <ToolButton
        label={label}
        icon={icon}
        disabled={!command || command.disabled === true}
        onClick={() => command?.run()}
      />
    );
  }

  const panes = [...(props.showTree ? ['tree'] : []), ...(props.showActionsPane ? ['actions'] : [])];
  // A feature's own toolbar commands, after the standard ones, as MMC shows a snap-in's buttons.
  const extra = props.actions.filter((action): action is CommandAction => action.kind === 'command' && action.toolbar === true && action.icon !== undefined);

  return (
    <Toolbar
      aria-label="Standard"
      size="small"
      className={styles.root}
      checkedValues={{ panes }}
      onCheckedValueChange={(_, data) => {
        const now = new Set(data.checkedItems);
        if (now.has('tree') !== props.showTree) props.onShowTree(now.has('tree'));
        if (now.has('actions') !== props.showActionsPane) props.onShowActionsPane(now.has('actions'));
      }}
    >
      <ToolButton label="Back (Alt+Left)" icon={ArrowLeftRegular} disabled={!props.canGoBack} onClick={props.onBack} />
      <ToolButton label="Forward (Alt+Right)" icon={ArrowRightRegular} disabled={!props.canGoForward} onClick={props.onForward} />
      <ToolButton label="Up one level" icon={FolderArrowUpRegular} disabled={!props.canGoUp} onClick={props.onUp} />
      <ToolbarDivider />
      <Tooltip content="Show/Hide Console Tree" relationship="label" withArrow>
        <ToolbarToggleButton icon={<PanelLeftRegular />} name="panes" value="tree" appearance="subtle" />
      </Tooltip>
      <ToolbarDivider />
      {commandButton('refresh', 'Refresh (F5)', ArrowClockwiseRegular)}
      {commandButton('properties', 'Properties', SettingsRegular)}
      {commandButton('delete', 'Delete (Del)', DeleteRegular)}
      <ToolbarDivider />
      {commandButton('help', 'Help (F1)', QuestionCircleRegular)}
      {extra.length > 0 && <ToolbarDivider />}
      {extra.map((action) => (
        <ToolButton key={action.id} label={action.label} icon={action.icon ?? QuestionCircleRegular} disabled={action.disabled === true} onClick={action.run} />
      ))}
      <Tooltip content="Show/Hide Action Pane" relationship="label" withArrow>
        <ToolbarToggleButton icon={<PanelRightRegular />} name="panes" value="actions" appearance="subtle" />
      </Tooltip>
    </Toolbar>
  );
}
