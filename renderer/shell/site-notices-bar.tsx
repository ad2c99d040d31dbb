import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useSiteNotices } from '../client/courier-context';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flex: 'none',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
});

/** The site server's notices (the change was saved, something after it is still to come), kept until dismissed. */
export function SiteNoticesBar(): ReactNode {
  const styles = useStyles();
  const { notices, dismiss } = useSiteNotices();
  if (notices.length === 0) return null;
  return (
    <div className={styles.root} role="region" aria-label="Site server notices">
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Saved.</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => dismiss(notice.id)} />}
          />
        </MessageBar>
      ))}
    </div>
  );
}
