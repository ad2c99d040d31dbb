/**
 * Where one class's resources are stored, so a compiled query rule can select their IDs.
 * Table and column names come from Courier's own code, never from a query; they must still be
 * plain identifiers, and are quoted in the SQL.
 */
export interface WqlStorageMapping {
  /** The table with one row per resource of the class. */
  readonly table: string;
  /** Its resource ID column: what the compiled SQL selects. */
  readonly idColumn: string;
  /** A condition every resource of the class meets (e.g. `resource_type = 5`), trusted SQL over `table`'s columns. */
  readonly filter?: string;
  /** By property name as the suite spells it. A property left out cannot be used in a WHERE clause. */
  readonly columns: Readonly<Record<string, WqlColumnMapping>>;
}

export type WqlColumnMapping =
  | { readonly column: string }
  /** A multi-valued property: one row per value in a child table. */
  | { readonly multi: { readonly table: string; readonly ownerColumn: string; readonly valueColumn: string } };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `"name"`, after making sure it is a plain identifier: the mapping is code, but a typo must not become SQL. */
export function quoteIdentifier(name: string): string {
  if (!identifier.test(name)) throw new Error(`WQL storage mapping: ${JSON.stringify(name)} is not a plain SQL identifier.`);
  return `"${name}"`;
}
