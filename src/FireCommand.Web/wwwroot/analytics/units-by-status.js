// Units by GA/T 974.39 status, in the map's status colours, from the live units list.

import { t } from '../shared/i18n.js';
import { UNIT_STATUS_CODES, UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../map/symbols.js';
import { count } from './format.js';

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
  option: (s, theme) => ({
    ...theme.base,
    grid: { left: 4, right: 40, top: 4, bottom: 4, containLabel: true },
    tooltip: { ...theme.base.tooltip, trigger: 'item', formatter: (p) => `${p.name}: ${count(p.value)}` },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: s.rows.map((r) => statusLabel(r.status)),
      ...theme.axis,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...theme.axis.axisLabel, fontSize: 12, color: theme.ink },
    },
    series: [{
      type: 'bar',
      barMaxWidth: 16,
      barCategoryGap: '30%',
      data: s.rows.map((r) => ({
        value: r.count,
        itemStyle: { color: UNIT_STATUS_COLOURS[r.status] ?? UNIT_UNKNOWN_COLOUR, borderColor: '#263238', borderWidth: 0.6, borderRadius: 2 },
      })),
      label: { show: true, position: 'right', color: theme.ink, fontFamily: theme.fontFamily, fontSize: 12, formatter: (p) => count(p.value) },
    }],
  }),
  table: (s) => ({
    caption: t('dashboard.units.title'),
    columns: [{ label: t('dashboard.units.status') }, { label: t('dashboard.units.count'), numeric: true }],
    rows: s.rows.map((r) => [statusLabel(r.status), count(r.count)]),
    foot: [[t('dashboard.total'), count(s.total)]],
  }),
});
