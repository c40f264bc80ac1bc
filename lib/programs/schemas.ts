import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { intIn, pageField, positiveMoney, recordId, searchText, version } from '@/lib/domain/inputs';

/**
 * A province's S&T program (chương trình KH&CN): its code (e.g. "CT-DMCN", unique), name, years, goals, total budget
 * in whole đồng and the UBND decision that approved it. The end year may not come before the start year.
 */
const programShape = {
  code: z
    .string()
    .check(z.trim(), z.toUpperCase(), z.minLength(2), z.maxLength(30), z.regex(/^[A-Z0-9][A-Z0-9.\-/]*$/, 'validation.programCode')),
  name: requiredText(300, 5),
  startYear: intIn(2000, 2100),
  endYear: intIn(2000, 2100),
  goals: requiredText(20_000, 10),
  budget: positiveMoney,
  decisionNo: optionalText(100),
};

type Years = { startYear?: unknown; endYear?: unknown };
const yearsInOrder = <T extends z.ZodMiniType<Years>>(schema: T) =>
  schema.check(
    z.refine<Years>((v) => typeof v.startYear !== 'number' || typeof v.endYear !== 'number' || v.startYear <= v.endYear, {
      path: ['endYear'],
      message: 'validation.endYearBeforeStart',
      when: () => true,
    }),
  );

export const ZProgram = yearsInOrder(z.object(programShape));
export type TProgram = z.input<typeof ZProgram>;

/** An edit: the program's id and the version the leader loaded, beside the same fields. */
export const ZUpdateProgram = yearsInOrder(z.object({ programId: recordId, version, ...programShape }));
export type TUpdateProgram = z.input<typeof ZUpdateProgram>;

export const ZProgramFilter = z.object({ q: searchText(200), page: pageField });
