// What no input may carry, whatever its schema says: checked once, for every schema, before parsing
// (lib/server/validation.ts). PostgreSQL refuses these with an error instead of storing them, so they are
// refused here with a message on the field. Pure.

export const MAX_INPUT_DEPTH = 32;
export const MAX_INPUT_NODES = 50_000;

/** A string PostgreSQL can store: no NUL byte, no lone UTF-16 surrogate (which cannot be encoded as UTF-8). */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

/**
 * Problems of an untrusted input, by dotted path ("keyMembers.0.name"; "_form" for the whole): text that cannot
 * be stored, numbers that are not finite, nesting deeper than MAX_INPUT_DEPTH or more than MAX_INPUT_NODES values.
 */
export function inputProblems(value: unknown): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  let nodes = 0;
  const add = (path: string[], key: string) => (problems[path.join('.') || '_form'] ??= []).push(key);
  const walk = (v: unknown, path: string[]): boolean => {
    if (++nodes > MAX_INPUT_NODES) {
      add([], 'validation.tooComplex');
      return false;
    }
    if (typeof v === 'string') {
      if (!isStorableText(v)) add(path, 'validation.invalidCharacters');
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) add(path, 'validation.number');
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
      if (path.length >= MAX_INPUT_DEPTH) {
        add([], 'validation.tooComplex');
        return false;
      }
      for (const [k, child] of Object.entries(v)) {
        if (!isStorableText(k)) {
          add(path, 'validation.invalidCharacters');
          continue;
        }
        if (!walk(child, [...path, k])) return false;
      }
    }
    return true;
  };
  walk(value, []);
  return problems;
}
