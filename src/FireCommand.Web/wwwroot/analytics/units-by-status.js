// Units by GA/T 974.39 status, in the map's status colours, from the live units list.

import { t } from '../shared/i18n.js';
import { UNIT_STATUS_CODES, UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../map/symbols.js';
import { count } from './format.js';
import { bar, el, frame, textWidth } from './svg-chart.js';

// Units that can leave for a new call now: 10 备勤 and 26 驻防.
export const AVAILABLE_STATUSES = Object.freeze([10, 26]);

const statusLabel = (code) => `${code} ${t(UNIT_STATUS_COLOURS[code] ? `unitStatus.${code}` : 'unitStatus.unknown')}`;

/** { rows: [{ status, count }] in code order, total, available } from [{ status, count }]. */
export function unitStatusSummary(pairs) {
  const byCode = new Map();
  for (const { status, count: n } of pairs) byCode.set(status, (byCode.get(status) ?? 0) + n);
  const codes = [...byCode.keys()].sort((a, b) => {
    const ia = UNIT_STATUS_CODES.indexOf(a);
    const ib = UNIT_STATUS_CODES.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a - b;
  });
  const rows = codes.map((status) => ({ status, count: byCode.get(status) }));
  return {
    rows,
    total: rows.reduce((sum, r) => sum + r.count, 0),
    available: rows.filter((r) => AVAILABLE_STATUSES.includes(r.status)).reduce((sum, r) => sum + r.count, 0),
  };
}

export const unitsByStatusChart = Object.freeze({
  id: 'units',
  titleKey: 'dashboard.units.title',
  subtitle: (s) => t('dashboard.units.subtitle', { total: count(s.total), available: count(s.available) }),
  draw(s, theme, width, height) {
    const svg = frame(width, height, theme);
    const labels = s.rows.map((r) => statusLabel(r.status));
    const left = 10 + Math.max(0, ...labels.map((label) => textWidth(label, 12)));
    const right = width - 12 - textWidth(count(Math.max(0, ...s.rows.map((r) => r.count))), 12);
    const slot = (height - 8) / Math.max(1, s.rows.length);
    const barHeight = Math.min(16, slot * 0.7);
    const max = Math.max(1, ...s.rows.map((r) => r.count));
    s.rows.forEach((r, i) => {
      const mid = 4 + slot * i + slot / 2;
      const w = ((right - left) * r.count) / max;
      svg.append(el('text', { x: left - 8, y: mid + 4, 'text-anchor': 'end', 'font-size': 12 }, labels[i]));
      svg.append(bar(left, mid - barHeight / 2, w, barHeight, UNIT_STATUS_COLOURS[r.status] ?? UNIT_UNKNOWN_COLOUR,
        `${labels[i]}: ${count(r.count)}`, { rx: 2, stroke: '#263238', 'stroke-width': 0.6 }));
      svg.append(el('text', { x: left + w + 5, y: mid + 4, 'font-size': 12 }, count(r.count)));
    });
    return svg;
  },
  table: (s) => ({
    caption: t('dashboard.units.title'),
    columns: [{ label: t('dashboard.units.status') }, { label: t('dashboard.units.count'), numeric: true }],
    rows: s.rows.map((r) => [statusLabel(r.status), count(r.count)]),
    foot: [[t('dashboard.total'), count(s.total)]],
  }),
});
