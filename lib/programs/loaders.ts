import 'server-only';
import { forbidden } from 'next/navigation';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { moneyInputValue, yearInVietnam } from '@/lib/domain/format';
import { stringParams } from '@/lib/domain/paging';
import { getProgram, listPrograms } from './service';

// The screens of the province's S&T programs: the list, the leader's form of a new one, and one program's page
// (its budget used, its tasks; the leader's edit form, read-only for staff).

type SearchParams = Record<string, string | string[] | undefined>;

export type ProgramFormValues = {
  code: string;
  name: string;
  startYear: string;
  endYear: string;
  goals: string;
  budget: string;
  decisionNo: string;
};

export async function loadProgramsPage(searchParams: SearchParams) {
  const actor = await requireArea('department');
  const params = stringParams(searchParams);
  const list = await load(listPrograms(actor, params));
  return {
    rows: list.rows,
    filter: { q: list.filter.q },
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/programs', params },
    canCreate: can(actor.role, 'programs.manage'),
  };
}

export type ProgramsPage = Awaited<ReturnType<typeof loadProgramsPage>>;

/** The form of a new program: the leader only. */
export async function loadNewProgramForm() {
  const actor = await requireArea('department');
  if (!can(actor.role, 'programs.manage')) forbidden();
  const year = yearInVietnam(new Date());
  const initial: ProgramFormValues = {
    code: '',
    name: '',
    startYear: String(year),
    endYear: String(year + 4),
    goals: '',
    budget: '',
    decisionNo: '',
  };
  return { initial };
}

/** One program: the data, the budget used and remaining, a page of its tasks, and the edit form for the leader. */
export async function loadProgramPage(programId: string, searchParams: SearchParams = {}) {
  const actor = await requireArea('department');
  const view = await load(getProgram(actor, programId, searchParams.page));
  const { program } = view;
  const edit: { programId: string; version: number; initial: ProgramFormValues } | null = can(actor.role, 'programs.manage')
    ? {
        programId: program.id,
        version: program.version,
        initial: {
          code: program.code,
          name: program.name,
          startYear: String(program.startYear),
          endYear: String(program.endYear),
          goals: program.goals,
          budget: moneyInputValue(program.budget),
          decisionNo: program.decisionNo ?? '',
        },
      }
    : null;
  return {
    ...view,
    tasks: {
      ...view.tasks,
      query: { basePath: `/department/programs/${program.id}`, params: stringParams(searchParams) },
    },
    edit,
  };
}

export type ProgramPage = Awaited<ReturnType<typeof loadProgramPage>>;
