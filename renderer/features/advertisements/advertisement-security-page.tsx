import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useFormStyles } from '../../components/form-layout';

/**
 * Security, as the package's: Courier has no rights model yet, so the page says what happens
 * rather than show class and instance rights that would do nothing.
 */
export function AdvertisementSecurityPage() {
  const page = useFormStyles();
  return (
    <div className={page.page}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Advertisements have no class or instance rights in Courier yet.</MessageBarTitle>
          Whoever can reach this site server can create, change and delete every advertisement. Class and instance rights for other
          administrators cannot be set yet.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
