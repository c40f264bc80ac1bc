export type RouteSize = { route: string; kind: 'form' | 'list'; budget: number; files: Set<string>; bytes: number };
export type RouteSizes = {
  builtAt: Date;
  pages: RouteSize[];
  sharedBytes: number;
  runtimeBytes: number;
  chunks: { file: string; bytes: number; routes: number }[];
};
export const BUDGETS: { form: number; list: number };
export function pageKind(route: string): 'form' | 'list';
export function routeSizes(nextDir: string): RouteSizes | null;
export function printRouteSizes(nextDir: string, log?: (line: string) => void): RouteSizes | null;
