import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { BuildingRegular } from '@fluentui/react-icons';
import type { SiteInfoDto } from '../../../core/api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1, flexShrink: 0 },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  wide: { gridColumn: '1 / -1' },
});

function ReadOnly({ label, value, wide = false }: { readonly label: string; readonly value: string; readonly wide?: boolean }) {
  const styles = useStyles();
  return (
    <Field label={label} size="small" className={wide ? styles.wide : undefined}>
      <Input size="small" readOnly appearance="filled-darker" value={value} />
    </Field>
  );
}

/** General: what the site is, read-only as in the suite (a site's code and server are set when it is installed). */
export function GeneralTab({ site }: { readonly site: SiteInfoDto }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <BuildingRegular className={styles.icon} aria-hidden />
        <span>
          {site.siteCode} - {site.siteName}
        </span>
      </div>
      <div className={styles.grid}>
        <ReadOnly label="Site code" value={site.siteCode} />
        <ReadOnly label="Site name" value={site.siteName} />
        <ReadOnly label="Site server" value={site.serverName} />
        <ReadOnly label="Version" value={site.productVersion} />
        <ReadOnly label="Data folder" value={site.dataDir} wide />
      </div>
    </div>
  );
}
