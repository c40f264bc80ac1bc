import 'server-only';
import { prisma } from '@/lib/server/db';
import { NotFoundError } from '@/lib/server/errors';
import { can } from '@/lib/domain/permissions';
import { moneyInputValue, vietnamDay } from '@/lib/domain/format';
import { dayString, todayValue } from '@/lib/domain/inputs';
import {
  APPLICATION_REPORT_MACHINE,
  LIQUIDABLE,
  REGISTRABLE,
  REGISTRATION_MACHINE,
  applicationDueDates,
  applicationSchedule,
  closingDate,
  dueState,
  liquidationDueDate,
  openApplicationPeriods,
  registrationDueDate,
} from '@/lib/domain/after-acceptance';
import type { TaskStatus } from '@/lib/domain/task-status';
import { getSettings } from '@/lib/settings/service';
import type { Actor } from '@/lib/server/actor';
import { afterAcceptanceScope } from './service';

/**
 * A task's "after acceptance" panel: where its registration, liquidation and application reports stand, and the
 * moves this actor may make now (asked of the same tables the services check). Null for a task not yet closed.
 * The department and the host organization only: anyone else gets a 404.
 */
export async function afterAcceptancePanel(actor: Actor, taskId: string, now = new Date()) {
  const scope = afterAcceptanceScope(actor);
  if (!scope) throw new NotFoundError();
  const task = await prisma.task.findFirst({
    where: { id: taskId, ...scope },
    select: {
      id: true,
      status: true,
      contractNo: true,
      fundedAmount: true,
      acceptanceDecisionDate: true,
      closedAt: true,
      registration: {
        select: {
          status: true,
          version: true,
          resultsSummary: true,
          submittedAt: true,
          returnNote: true,
          certificateNo: true,
          certificateDate: true,
          registeredAt: true,
        },
      },
      liquidation: { select: { recordNo: true, liquidatedOn: true, disbursed: true, spent: true, refunded: true, note: true } },
      applicationReports: {
        orderBy: { dueDate: 'asc' },
        select: {
          id: true,
          dueDate: true,
          yearNo: true,
          status: true,
          applicationPlaces: true,
          benefits: true,
          revenue: true,
          submittedAt: true,
          reviewNote: true,
          reviewedAt: true,
        },
      },
      progressReports: { select: { amountSpent: true, dueDate: true }, orderBy: { dueDate: 'desc' }, take: 1 },
      _count: { select: { attachments: { where: { kind: 'REGISTRATION_FORM' } } } },
    },
  });
  if (!task) throw new NotFoundError();
  const status = task.status as TaskStatus;
  if (!LIQUIDABLE.includes(status)) return null;
  const settings = await getSettings();
  const today = vietnamDay(now);
  const role = actor.role;
  const department = can(role, 'reports.review');

  // Registration: accepted tasks only.
  let registration = null;
  if (REGISTRABLE.includes(status) && task.acceptanceDecisionDate) {
    const reg = task.registration;
    const dueDate = registrationDueDate(task.acceptanceDecisionDate, settings.registrationDueDays);
    const moves = reg ? REGISTRATION_MACHINE.available(reg.status, role) : [];
    const canSubmit = reg === null ? REGISTRATION_MACHINE.check(null, 'submit', role).ok : moves.includes('resubmit');
    registration = {
      dueDate,
      due: dueState(dueDate, reg !== null && reg.status !== 'RETURNED', today, settings.reminderDaysBefore),
      record: reg,
      submit: canSubmit
        ? { resubmit: reg !== null, hasForm: task._count.attachments > 0, defaults: { resultsSummary: reg?.resultsSummary ?? '' } }
        : null,
      decide: reg && moves.includes('register') ? { version: reg.version, defaults: { certificateDate: todayValue(now) } } : null,
    };
  }

  // Liquidation: a contracted task that was accepted, failed or terminated.
  const closed = closingDate(task);
  const liquidation =
    task.contractNo && closed
      ? {
          dueDate: liquidationDueDate(closed, settings.liquidationDueDays),
          due: dueState(
            liquidationDueDate(closed, settings.liquidationDueDays),
            task.liquidation !== null,
            today,
            settings.reminderDaysBefore,
          ),
          record: task.liquidation,
          fundedAmount: task.fundedAmount,
          form:
            department && !task.liquidation
              ? {
                  defaults: {
                    recordNo: '',
                    liquidatedOn: todayValue(now),
                    disbursed: moneyInputValue(task.fundedAmount),
                    spent: moneyInputValue(task.progressReports[0]?.amountSpent ?? null),
                    refunded: '',
                    note: '',
                  },
                  minDate: dayString(closed),
                }
              : null,
        }
      : null;

  // Application reports: accepted tasks, one a year for applicationYears years.
  let application = null;
  if (status === 'ACCEPTED' && task.acceptanceDecisionDate) {
    const reports = task.applicationReports;
    const byDue = new Map(reports.map((r) => [r.dueDate.getTime(), r]));
    const schedule = applicationSchedule({
      acceptanceDecisionDate: task.acceptanceDecisionDate,
      years: settings.applicationYears,
      submitted: reports.filter((r) => r.status !== 'NEEDS_REVISION').map((r) => r.dueDate),
      today,
      reminderDays: settings.reminderDaysBefore,
    });
    const open = APPLICATION_REPORT_MACHINE.check(null, 'submit', role).ok
      ? openApplicationPeriods(
          applicationDueDates(task.acceptanceDecisionDate, settings.applicationYears),
          reports.map((r) => ({ dueDate: r.dueDate, status: r.status })),
          today,
        )
      : [];
    application = {
      periods: schedule.map((p) => {
        const report = byDue.get(p.dueDate.getTime()) ?? null;
        return {
          ...p,
          report,
          canReview: report !== null && APPLICATION_REPORT_MACHINE.available(report.status, role).includes('review'),
        };
      }),
      open: open.map((p) => ({ value: dayString(p.dueDate), dueDate: p.dueDate, year: p.year, revision: p.revision })),
    };
  }
  return { status, registration, liquidation, application };
}

export type AfterAcceptancePanel = NonNullable<Awaited<ReturnType<typeof afterAcceptancePanel>>>;
