import type { Migration } from './migration';

/**
 * The date of each source version of a package (SMS_Package.SourceDate belongs to one
 * SourceVersion). While its distribution points are being updated, clients are offered the
 * version a DP holds, not the package's newest, and the policy body must carry that version's
 * date, not the newest one's. PackageRepository writes a row whenever it writes a package's
 * version; the packages of an upgraded site get theirs here. A version older than that has no
 * row, and the body then falls back to the package's date (docs/offer-manager.md#the-policy-body).
 */
export const migration0021: Migration = {
  version: 21,
  name: 'package-source-versions',
  sql: `
CREATE TABLE package_source_versions (
  package_id     TEXT NOT NULL REFERENCES packages (package_id) ON DELETE CASCADE,
  source_version INTEGER NOT NULL CHECK (source_version >= 1),
  source_date    TEXT NOT NULL,
  PRIMARY KEY (package_id, source_version)
) WITHOUT ROWID;
INSERT INTO package_source_versions (package_id, source_version, source_date) SELECT package_id, source_version, source_date FROM packages;
`,
};
