// Helpers shared by the demo seed's files: Vietnam-time instants and calendar days, demo files written the way the
// app stores uploads, a deterministic random source, ids made up front (so rows can be written with createMany),
// and a council meeting with its attendance.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import type { Tx } from '../lib/server/prisma-client';

export type SeedTx = Tx;

export const DAY = 86_400_000;
/** An instant in Vietnam time (UTC+7), e.g. vn('2026-04-23T08:30:00'). */
export const vn = (iso: string) => new Date(`${iso}+07:00`);
/** A calendar day as the DATE columns hold it (midnight UTC). */
export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
export const addMonths = (d: Date, months: number) => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + months);
  return x;
};
/** The calendar day (in Vietnam) of an instant, as a DATE value. */
export const vnDay = (d: Date) => dateOnly(new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
/** 'YYYY-MM-DD' of a DATE value. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The same day, or the Monday after when it falls on a weekend (decisions and meetings are on working days). */
export const workday = (day: Date) => {
  const dow = day.getUTCDay();
  return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
};
/** An instant on a calendar day at a Vietnam time of day. */
export const atVn = (day: Date, hh: number, mm = 0) =>
  vn(`${isoDay(day)}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00`);

/** A small valid PDF (one page with a line of text), written to STORAGE_DIR as the app stores uploads. */
export function demoPdf(title: string): Buffer {
  const text = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[()\\]/g, '')
    .slice(0, 80);
  const stream = `BT /F1 12 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function storeDemoFile(bytes: Buffer): { storedName: string; size: number; sha256: string } {
  const storedName = `${randomUUID().slice(0, 2)}/${randomUUID()}`;
  const file = nodePath.join(nodePath.resolve(process.env.STORAGE_DIR ?? 'storage'), storedName);
  fs.mkdirSync(nodePath.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return { storedName, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Ids shaped like the app's cuids ('c' and 24 lower-case letters or digits), from a seeded source. */
export function idMaker(seed: number) {
  const next = rng(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return () => {
    let id = 'c';
    for (let i = 0; i < 24; i++) id += alphabet[Math.floor(next() * alphabet.length)];
    return id;
  };
}

export const MEETING_PLACES = [
  'Phòng họp tầng 3, Sở Khoa học và Công nghệ tỉnh An Phú',
  'Hội trường B, Sở Khoa học và Công nghệ tỉnh An Phú',
  'Phòng họp Hội đồng khoa học, Sở Khoa học và Công nghệ tỉnh An Phú',
];

export type MeetingSeat = { userId: string; position: string };

/**
 * The rows of one council meeting: where it was held (or online), who presided (the chair) and each member's
 * attendance. `absent` members stayed away (never the chair nor a reviewer: the meeting stays valid), `online`
 * ones joined by video link (present). Belongs to a task council or to an identification council.
 */
export function meetingRows(m: {
  id: string;
  councilId?: string;
  identificationCouncilId?: string;
  heldAt: Date;
  seats: MeetingSeat[];
  absent?: string[];
  online?: string[];
  place: string;
  fullyOnline?: boolean;
  minutesNote?: string;
  createdById: string;
  createdAt: Date;
}) {
  const chair = m.seats.find((s) => s.position === 'CHAIR');
  if (!chair) throw new Error('[seed] a meeting needs the chair');
  for (const a of m.absent ?? []) {
    const seat = m.seats.find((s) => s.userId === a);
    if (!seat || seat.position === 'CHAIR' || seat.position === 'REVIEWER') throw new Error('[seed] the chair and reviewers attend');
  }
  const present = m.seats.length - (m.absent?.length ?? 0);
  if (present * 3 < m.seats.length * 2) throw new Error('[seed] a meeting needs two thirds of the members');
  return {
    meeting: {
      id: m.id,
      councilId: m.councilId ?? null,
      identificationCouncilId: m.identificationCouncilId ?? null,
      heldAt: m.heldAt,
      place: m.fullyOnline ? 'Trực tuyến qua hệ thống hội nghị truyền hình của Sở' : m.place,
      online: m.fullyOnline ?? false,
      presidingUserId: chair.userId,
      minutesNote: m.minutesNote ?? '',
      createdById: m.createdById,
      createdAt: m.createdAt,
    },
    attendance: m.seats.map((s) => ({
      meetingId: m.id,
      userId: s.userId,
      present: !(m.absent ?? []).includes(s.userId),
      online: m.fullyOnline ? !(m.absent ?? []).includes(s.userId) : (m.online ?? []).includes(s.userId),
    })),
  };
}
