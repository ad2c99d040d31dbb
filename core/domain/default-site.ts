/** The site a new data directory gets unless `courier site init` chose another code and name first. */
export const defaultSite = { siteCode: 'A01', siteName: 'Central Site' } as const;
