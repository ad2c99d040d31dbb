export interface Migration {
  /** 1, 2, 3 … with no gaps; never renumber, never edit once released. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
