import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useFormStyles } from '../../components/form-layout';

/**
 * Courier has no rights model yet. Rather than show class and instance rights that do nothing,
 * the Security page says what actually happens.
 */
export function SecurityNote({ object = 'package' }: { readonly object?: 'package' | 'collection' } = {}) {
  const page = useFormStyles();
  return (
    <div className={page.page}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Security rights come in a later version of Courier.</MessageBarTitle>
          The administrator who creates a {object} gets full rights on it. Class and instance rights for other
          administrators cannot be set yet.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
