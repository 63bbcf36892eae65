// Incidents per day and type over the period, as stacked bars in the map's incident colours.

import { t, enumName } from '../shared/i18n.js';
import { INCIDENT_TYPES, incidentColour } from '../map/symbols.js';
import { count, dayKey, shortDay } from './format.js';
import { bar, countAxis, countTicks, el, frame, legend, textWidth } from './svg-chart.js';

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
  draw(m, theme, width, height) {
    const svg = frame(width, height, theme);
    const names = m.types.map((type) => enumName('incidentType', type));
    legend(svg, m.types.map((type, i) => ({ label: names[i], colour: incidentColour(type) })), { right: width - 4, y: 0, theme });
    const totals = m.days.map((day) => dayTotal(m, day));
    const ticks = countTicks(Math.max(0, ...totals), 4);
    const left = 12 + Math.max(...ticks.map((v) => textWidth(count(v))));
    const [top, bottom, right] = [34, height - 20, width - 6];
    const y = countAxis(svg, { left, right, top, bottom, ticks, name: t('dashboard.incidents.axis'), theme });
    const slot = (right - left) / Math.max(1, m.days.length);
    const barWidth = slot * 0.72;
    // Day labels as often as they fit ("11-01" is about 30 px).
    const every = Math.max(1, Math.ceil(36 / slot));
    m.days.forEach((day, d) => {
      const x = left + d * slot + (slot - barWidth) / 2;
      let base = 0;
      m.types.forEach((type, i) => {
        const n = cell(m, day, type);
        if (!n) return;
        svg.append(bar(x, y(base + n), barWidth, y(base) - y(base + n), incidentColour(type), `${day} ${names[i]}: ${count(n)}`));
        base += n;
      });
      if (d % every === 0) {
        svg.append(el('text', { x: x + barWidth / 2, y: bottom + 14, 'text-anchor': 'middle', fill: theme.soft }, shortDay(day)));
      }
    });
    return svg;
  },
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
