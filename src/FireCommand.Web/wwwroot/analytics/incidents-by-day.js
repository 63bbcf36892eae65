// Incidents per day and type over the period, as stacked bars in the map's incident colours.

import { t, enumName } from '../shared/i18n.js';
import { INCIDENT_TYPES, incidentColour } from '../map/symbols.js';
import { count, dayKey, shortDay } from './format.js';

const DAY_MS = 86_400_000;

/**
 * Days × types from the API rows, with every calendar day of the period present (quiet days too).
 * The period starts at the corps' midnight, so "the last 30 days" are 30 days, today included.
 * `period` is the number of days asked for.
 */
export function incidentMatrix(overview, period) {
  const rows = overview.incidentsByDay ?? [];
  const days = new Set();
  const first = Date.parse(overview.from);
  const zone = overview.timeZone;
  const last = dayKey(new Date(overview.to), zone);
  if (Number.isFinite(first)) {
    for (let at = first, i = 0; i < 400; at += DAY_MS, i++) {
      const key = dayKey(new Date(at), zone);
      if (key > last) break;
      days.add(key);
    }
  }
  const counts = new Map();
  const typeTotals = new Map();
  let total = 0;
  for (const { day, type, count: n } of rows) {
    days.add(day);
    if (!counts.has(day)) counts.set(day, new Map());
    counts.get(day).set(type, (counts.get(day).get(type) ?? 0) + n);
    typeTotals.set(type, (typeTotals.get(type) ?? 0) + n);
    total += n;
  }
  // Known types in their usual order, then anything new the server sends (never dropped).
  const types = [
    ...INCIDENT_TYPES.filter((type) => typeTotals.has(type)),
    ...[...typeTotals.keys()].filter((type) => !INCIDENT_TYPES.includes(type)).sort(),
  ];
  return { period, days: [...days].sort(), types, counts, typeTotals, total };
}

const cell = (m, day, type) => m.counts.get(day)?.get(type) ?? 0;
const dayTotal = (m, day) => m.types.reduce((sum, type) => sum + cell(m, day, type), 0);

export const incidentsByDayChart = Object.freeze({
  id: 'incidents',
  titleKey: 'dashboard.incidents.title',
  subtitle: (m) => t('dashboard.incidents.subtitle', { days: m.period, total: count(m.total) }),
  option: (m, theme) => ({
    ...theme.base,
    color: m.types.map(incidentColour),
    legend: { top: 0, right: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 10, textStyle: { color: theme.soft, fontFamily: theme.fontFamily } },
    grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
    tooltip: { ...theme.base.tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: m.days.map(shortDay), ...theme.axis, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, name: t('dashboard.incidents.axis'), ...theme.axis },
    series: m.types.map((type) => ({
      name: enumName('incidentType', type),
      type: 'bar',
      stack: 'incidents',
      barCategoryGap: '28%',
      data: m.days.map((day) => cell(m, day, type)),
    })),
  }),
  table: (m) => ({
    caption: t('dashboard.incidents.title'),
    columns: [
      { label: t('dashboard.incidents.day') },
      ...m.types.map((type) => ({ label: enumName('incidentType', type), numeric: true })),
      { label: t('dashboard.total'), numeric: true },
    ],
    rows: m.days.map((day) => [day, ...m.types.map((type) => count(cell(m, day, type))), count(dayTotal(m, day))]),
    foot: [[t('dashboard.total'), ...m.types.map((type) => count(m.typeTotals.get(type))), count(m.total)]],
  }),
});
