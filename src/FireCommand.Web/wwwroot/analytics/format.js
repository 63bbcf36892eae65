// Number formats of the dashboard, in the current language: shares as percentages, durations as a
// dispatcher reads them (seconds under two minutes, m:ss above), counts with group separators.

import { formatNumber, t } from '../shared/i18n.js';
import { dayIn } from '../shared/corps-time.js';

export const count = (n) => formatNumber(n ?? 0);

export function percent(share, digits = 1) {
  if (!Number.isFinite(share)) return '–';
  return formatNumber(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 45 → "45 秒"; 384 → "6:24"; 1809.8 → "30:10". */
export function duration(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 120) return t('dashboard.format.seconds', { s });
  const m = Math.floor(s / 60);
  return t('dashboard.format.minutesSeconds', { m, s: String(s % 60).padStart(2, '0') });
}

/** An axis tick: seconds as plain numbers on a seconds axis, minutes (one decimal at most) on a minutes axis. */
export function axisValue(seconds, unit) {
  return unit === 'minutes'
    ? formatNumber(seconds / 60, { maximumFractionDigits: 1 })
    : formatNumber(seconds, { maximumFractionDigits: 1 });
}

/**
 * A day key "2026-11-01" in the corps' time zone, which the analytics API names with its figures
 * (`timeZone`): the dashboard's days are the corps' days, whatever the browser's zone.
 */
export function dayKey(date, timeZone) {
  return dayIn(date, timeZone);
}

/** "11-01" on an axis, "2026-11-01" in a table. */
export const shortDay = (key) => key.slice(5);
