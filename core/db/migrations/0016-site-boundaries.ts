import type { Migration } from './migration';

/**
 * Site boundaries (the suite's SMS_SCI_RoamingBoundary / SMS_Boundary): where the site's clients
 * are, and whether that network is fast (LAN) or slow. IP subnets and ranges keep their first and
 * last address as numbers so content location matches a client's addresses in one indexed query.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'site-boundaries',
  sql: `
CREATE TABLE site_boundaries (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('ipSubnet', 'ipRange', 'adSite')),
  value       TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 255),
  connection  TEXT NOT NULL CHECK (connection IN ('fast', 'slow')),
  ip_low      INTEGER CHECK (ip_low IS NULL OR ip_low BETWEEN 0 AND 4294967295),
  ip_high     INTEGER CHECK (ip_high IS NULL OR ip_high BETWEEN 0 AND 4294967295),
  created_at  TEXT NOT NULL,
  CHECK ((kind = 'adSite') = (ip_low IS NULL)),
  CHECK ((kind = 'adSite') = (ip_high IS NULL)),
  CHECK (ip_low IS NULL OR ip_low <= ip_high),
  UNIQUE (kind, value COLLATE NOCASE)
);
CREATE INDEX site_boundaries_ip ON site_boundaries (ip_low, ip_high) WHERE ip_low IS NOT NULL;
`,
};
