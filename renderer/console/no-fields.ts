/** The fields of a node or popup kind that carries nothing but its kind. */
export type NoFields = Record<never, never>;
