import type { z } from 'zod';
import { unboundedLength } from './adversarial-strings';

/** One string-valued place in a schema: its path, its own schema, and the longest string it takes. */
export interface StringLeaf {
  readonly path: readonly (string | number)[];
  readonly schema: z.ZodType;
  readonly maxLength: number;
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly checks?: readonly unknown[];
  readonly getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Every string leaf of `schema`, through objects, wrappers, pipes, unions, arrays, records and tuples. */
export function stringLeaves(schema: z.ZodType): StringLeaf[] {
  const leaves: StringLeaf[] = [];
  const seen = new Set<z.ZodType>();
  function walk(node: z.ZodType, path: (string | number)[]): void {
    const def = defOf(node);
    if (def.type === 'lazy') {
      if (seen.has(node)) return;
      seen.add(node);
    }
    switch (def.type) {
      case 'string': {
        const max = (node as unknown as { maxLength: number | null }).maxLength;
        leaves.push({ path, schema: node, maxLength: max ?? unboundedLength });
        return;
      }
      case 'object':
        for (const [key, value] of Object.entries(def.shape ?? {})) walk(value, [...path, key]);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
      case 'success':
        if (def.innerType) walk(def.innerType, path);
        return;
      case 'pipe':
        if (def.in) walk(def.in, path);
        if (def.out) walk(def.out, path);
        return;
      case 'union':
        for (const option of def.options ?? []) walk(option, path);
        return;
      case 'intersection':
        if (def.left) walk(def.left, path);
        if (def.right) walk(def.right, path);
        return;
      case 'array':
        if (def.element) walk(def.element, [...path, 0]);
        return;
      case 'record':
        if (def.valueType) walk(def.valueType, [...path, 'key']);
        return;
      case 'tuple':
        (def.items ?? []).forEach((item, i) => walk(item, [...path, i]));
        return;
      case 'lazy':
        if (def.getter) walk(def.getter(), path);
        return;
      default:
        return; // enums, literals, numbers, booleans: nothing to backtrack over
    }
  }
  walk(schema, []);
  return leaves;
}

/** The schema checks its object as a whole (superRefine, refine): only a valid sample makes those rules run. */
export function hasObjectRules(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if ((def.checks?.length ?? 0) > 0 && def.type !== 'string') return true;
  if (def.type === 'pipe') return (def.in ? hasObjectRules(def.in) : false) || (def.out ? hasObjectRules(def.out) : false);
  if (def.innerType) return hasObjectRules(def.innerType);
  return false;
}

/** A copy of `value` with the string at `path` replaced (copying only along the path); null when the path's parent is not in it. */
export function withValueAt(value: unknown, path: readonly (string | number)[], replacement: string): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  if (value === null || typeof value !== 'object') return null;
  const child = rest.length === 0 ? replacement : withValueAt((value as Record<string | number, unknown>)[key], rest, replacement);
  if (child === null) return null;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[Number(key)] = child;
    return copy;
  }
  return { ...(value as Record<string, unknown>), [key]: child };
}
