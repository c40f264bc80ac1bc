// Small pure helpers shared by the evaluator's server and client components.

/** A criterion's label in the user's language. */
export function criterionLabel(c: { labelVi: string; labelEn: string }, locale: string): string {
  return locale === 'en' ? c.labelEn : c.labelVi;
}

/** Expected products as stored on a task (JSON), reduced to their names in order. */
export function productNames(expectedProducts: unknown): string[] {
  if (!Array.isArray(expectedProducts)) return [];
  return expectedProducts.map((p, i) =>
    p && typeof p === 'object' && 'name' in p && typeof p.name === 'string' && p.name ? p.name : `#${i + 1}`,
  );
}
