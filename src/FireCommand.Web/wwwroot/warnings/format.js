// How the board names what the API sends in codes: alarm types, states, severities, history steps and
// message types, always through the resource files (an unknown code reads as "other", never as
// itself); and where an alarm is: its place, then building, floor, zone and component.

import { t, has, formatNumber } from '../shared/i18n.js';
import { el } from '../dispatch/dom.js';

/** The name of `code` in `group`; a code the resource files do not know reads as the group's "other". */
export function named(group, code) {
  const key = `${group}.${code}`;
  if (has(key)) return t(key);
  return has(`${group}.other`) ? t(`${group}.other`) : '—';
}

export function pill(group, code) {
  return el('span', { class: ['fc-pill', `fc-pill--${code}`], data: { code }, text: named(group, code) });
}

/** "1号楼 · 3F · 3F-A · 1-1/1-0001": where in the place, with what is known. */
export function location(item, component = item.component) {
  return [item.building, item.floor, item.zone, component].filter((s) => s).join(' · ');
}

/** A value with its unit, in the current language's digits. */
export function reading(value, unit) {
  if (value === null || value === undefined) return '';
  const number = formatNumber(value, { maximumFractionDigits: 3 });
  return unit ? `${number} ${unit}` : number;
}

/** Seconds as the base bundle words them ("12 秒", "1 分 05 秒"). */
export function seconds(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const s = Math.max(0, Math.round(value));
  if (s < 60) return t('time.seconds', { s });
  if (s < 3600) return t('time.minutesSeconds', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
  return t('time.hoursMinutes', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** The reason of a failed request, for a line on screen. */
export function failure(error) {
  if (error?.status) return t('warnings.unavailable', { status: error.status });
  return t('warnings.unreachable');
}
