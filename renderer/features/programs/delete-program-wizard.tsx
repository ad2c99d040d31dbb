import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DeleteRegular, WarningRegular } from '@fluentui/react-icons';
import { useReducer } from 'react';
import type { ProgramDeletedDto, ProgramDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { useLastValue, useOpenCount } from '../../components/use-last-value';
import {
  canDelete,
  deleteProgramPages,
  deleteProgramReducer,
  deletesAdvertisements,
  initialDeleteProgramState,
  type DeleteProgramPage,
  type DeleteProgramState,
} from './delete-program-reducer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  warning: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  success: { fontSize: '32px', color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface DeleteProgramWizardProps {
  readonly program: ProgramDto | null;
  readonly onClose: () => void;
  readonly onDeleted?: (result: ProgramDeletedDto) => void;
}

function footerFor(state: DeleteProgramState): WizardFooter {
  if (state.page === 'confirmation') return { kind: 'confirmation', canGoBack: false };
  return {
    kind: 'summary',
    canGoBack: state.page === 'advertisements' && !state.busy,
    canGoNext: canDelete(state),
    busy: state.busy,
    busyLabel: 'Deleting the program…',
  };
}

function Body({ state, program, onConfirm }: {
  readonly state: DeleteProgramState;
  readonly program: ProgramDto;
  readonly onConfirm: (confirmed: boolean) => void;
}) {
  const styles = useStyles();
  const error = state.error !== null && (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The program was not deleted.</MessageBarTitle>
        {state.error}
      </MessageBarBody>
    </MessageBar>
  );
  switch (state.page) {
    case 'general':
      return (
        <div className={styles.page}>
          <div className={styles.message}>
            <WarningRegular className={styles.warning} aria-hidden />
            <div className={styles.text}>
              <Text>
                You have chosen to delete the program <Text weight="semibold">{program.name}</Text> from package{' '}
                {program.packageId}.
              </Text>
              <Text>
                Deleting a program produces a ripple effect: any advertisements of the program are deleted too and are no
                longer made available to clients. If the program has advertisements, the next page lists them and asks you
                once more.
              </Text>
              <Text>Click Next to delete the program, or Cancel to keep it.</Text>
            </div>
          </div>
          {error}
        </div>
      );
    case 'advertisements':
      return (
        <div className={styles.page}>
          <Text>These advertisements offer the program and will be deleted with it:</Text>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{state.advertisements}</MessageBarBody>
          </MessageBar>
          <Checkbox
            label="Delete the program and all of these advertisements"
            checked={state.confirmed}
            disabled={state.busy}
            onChange={(_, data) => onConfirm(data.checked === true)}
          />
          {error}
        </div>
      );
    case 'confirmation': {
      const deleted = state.deleted;
      if (deleted === null) return null;
      return (
        <div className={styles.message}>
          <CheckmarkCircleRegular className={styles.success} aria-hidden />
          <div className={styles.text}>
            <Text weight="semibold" size={400} role="status">
              The Delete Program Wizard completed successfully
            </Text>
            <Text>
              The program {deleted.programName} was deleted from package {deleted.packageId}.
            </Text>
            {deleted.deletedAdvertisements.length === 0 ? (
              <Text>No advertisements offered it, so none were deleted.</Text>
            ) : (
              <>
                <Text>These advertisements were deleted with it:</Text>
                <ul className={styles.list}>
                  {deleted.deletedAdvertisements.map((id) => (
                    <li key={id}>{id}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      );
    }
  }
}

function DeleteProgramSession({ open, program, onClose, onDeleted }: DeleteProgramWizardProps & {
  readonly open: boolean;
  readonly program: ProgramDto;
}) {
  const courier = useCourier();
  const [state, dispatch] = useReducer(deleteProgramReducer, initialDeleteProgramState);

  async function remove(): Promise<void> {
    if (!canDelete(state)) return;
    dispatch({ type: 'deleteStarted' });
    const result = await settle(() =>
      courier['programs:delete']({ packageId: program.packageId, programName: program.name, deleteAdvertisements: deletesAdvertisements(state) }),
    );
    if (result.ok) {
      dispatch({ type: 'deleted', result: result.value });
      onDeleted?.(result.value);
    } else {
      dispatch({ type: 'failed', error: result.error });
    }
  }

  const heading = deleteProgramPages.find((p) => p.id === state.page)?.label ?? '';
  return (
    <Wizard<DeleteProgramPage>
      open={open}
      title="Delete Program Wizard"
      pages={deleteProgramPages}
      current={state.page}
      canJumpTo={() => false}
      heading={heading}
      icon={<DeleteRegular />}
      footer={footerFor(state)}
      onJumpTo={() => undefined}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => void remove()}
      onSummary={() => undefined}
      onClose={onClose}
    >
      <Body state={state} program={program} onConfirm={(confirmed) => dispatch({ type: 'confirm', confirmed })} />
    </Wizard>
  );
}

/** Deletes a program after asking, and once more when advertisements would go with it. */
export function DeleteProgramWizard({ program, onClose, onDeleted }: DeleteProgramWizardProps) {
  const shown = useLastValue(program);
  const opening = useOpenCount(program !== null);
  if (shown === null) return null;
  return (
    <DeleteProgramSession
      key={`${opening}:${shown.packageId}:${shown.name}`}
      open={program !== null}
      program={shown}
      onClose={onClose}
      onDeleted={onDeleted}
    />
  );
}
