/**
 * Times on the timeline: when a layer's content is from (a map of 1869, an aerial photo of
 * June 1960, today's buildings, a proposal for 2030).
 *
 * A time is written as
 *  - a year, `"1869"`: all of that year;
 *  - a month, `"1960-06"`, or a date, `"1960-06-14"` (ISO 8601, proleptic Gregorian);
 *  - an interval of two of those, `"1960/1975"`, either end open: `"2026/.."`, `"../1900"`.
 * Instants are whole days counted from 1970-01-01 (negative before it), so comparisons are
 * exact integers; years run from 1 to 9999.
 */
import { z } from 'zod';

/** A parsed time: the first and last day it covers (inclusive), days since 1970-01-01. */
export interface TimeSpan {
  /** First day, or `-Infinity` for an open start (`"../1900"`). */
  start: number;
  /** Last day, or `Infinity` for an open end (`"2026/.."`). */
  end: number;
  /** The start as written (`"1869"`, `"1960-06"`), or `null` for an open start. */
  startText: string | null;
}

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
}

/** The first and last day of one part (`"1869"`, `"1960-06"`, `"1960-06-14"`), or a reason it is not one. */
function parsePart(text: string): { start: number; end: number } | string {
  const m = PART.exec(text);
  if (!m) return `"${text}" is not a year (YYYY) or a date (YYYY-MM or YYYY-MM-DD)`;
  const year = Number(m[1]);
  if (year < 1) return `"${text}": years run from 0001 to 9999`;
  if (m[2] === undefined) return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}": the month must be 01 to 12`;
  if (m[3] === undefined) return { start: dayNumber(year, month, 1), end: dayNumber(year, month, daysInMonth(year, month)) };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return `"${text}": ${year}-${m[2]} has no day ${m[3]}`;
  const n = dayNumber(year, month, day);
  return { start: n, end: n };
}

/** Parses a time; returns its span, or a sentence saying what is wrong. */
export function parseTime(text: string): TimeSpan | string {
  const trimmed = text.trim();
  const parts = trimmed.split('/');
  if (parts.length > 2) return `"${text}" has more than one "/"`;
  if (parts.length === 1) {
    if (trimmed === '..') return '".." needs the other end of an interval, e.g. "2026/.."';
    const p = parsePart(trimmed);
    return typeof p === 'string' ? p : { ...p, startText: trimmed };
  }
  const [a, b] = parts as [string, string];
  if (a === '..' && b === '..') return '"../.." is open at both ends: give at least one year or date';
  const from = a === '..' ? { start: -Infinity, end: -Infinity } : parsePart(a);
  if (typeof from === 'string') return from;
  const to = b === '..' ? { start: Infinity, end: Infinity } : parsePart(b);
  if (typeof to === 'string') return to;
  if (to.end < from.start) return `"${text}" ends before it starts`;
  return { start: from.start, end: to.end, startText: a === '..' ? null : a };
}

/** Whether `span` covers the day `day`. */
export function spanCovers(span: TimeSpan, day: number): boolean {
  return span.start <= day && day <= span.end;
}

/** The instant a user means by a year or a date (`1869`, `"1960-06-14"`): its first day. */
export function instantOf(value: number | string): number | string {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value).padStart(4, '0') : String(value)) : value;
  const span = parseTime(text);
  if (typeof span === 'string') return span;
  if (!Number.isFinite(span.start)) return `"${text}" has no start`;
  return span.start;
}

/** Today as a day number (UTC). */
export function todayDayNumber(now: Date = new Date()): number {
  return dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

const TIME_HINT = 'expected a year, a date or an interval, e.g. "1869", "1960-06-14" or "2026/.."';

/** A layer's or a comparison side's time, validated. */
export const timeText = z
  .string({ error: TIME_HINT })
  .superRefine((value, ctx) => {
    const span = parseTime(value);
    if (typeof span === 'string') ctx.addIssue({ code: 'custom', input: value, message: `${TIME_HINT} (${span})` });
  });
