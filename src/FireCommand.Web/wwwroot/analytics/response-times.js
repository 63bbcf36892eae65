// Response-time distributions against the standards (DESIGN §5): one histogram per interval, the
// objective as a red dashed line, bars past it in amber, and the percentiles and the share within
// the objective under the chart. Percentiles come from the server, computed over raw samples.

import { t } from '../shared/i18n.js';
import { count, duration, percent, axisValue } from './format.js';

export const INTERVALS = Object.freeze(['CallProcessing', 'Turnout', 'Travel', 'FirstEngineTravel', 'Total']);

// NFPA 1710 and 1221 measure compliance at the 90th percentile.
export const TARGET_SHARE = 0.9;

/** Bins with a closed upper edge; the server's open-ended last bin ("longer") gets one bin width. */
function closedBins(entry) {
  const bins = entry.histogram ?? [];
  const width = bins.length && bins[0].toSeconds != null ? bins[0].toSeconds - bins[0].fromSeconds : 60;
  return bins.map((b) => ({ ...b, open: b.toSeconds == null, to: b.toSeconds ?? b.fromSeconds + width }));
}

/** Seconds for the short intervals, minutes for the long ones; ticks that land on the objective where they can. */
function axisOf(entry, max) {
  const objective = entry.objectiveSeconds;
  if ((objective ?? max / 3) <= 120) {
    return { unit: 'seconds', interval: objective ? objective / 2 : Math.ceil(max / 6 / 10) * 10 };
  }
  const steps = [60, 120, 180, 300, 600, 900, 1200, 1800, 3600];
  return { unit: 'minutes', interval: steps.find((s) => max / s <= 7) ?? 7200 };
}

/** A bin edge as read in a table: seconds on a seconds axis, m:ss on a minutes axis (0.4 min says nothing). */
function edge(seconds, unit) {
  if (unit !== 'minutes') return axisValue(seconds, unit);
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function binLabel(bin, unit) {
  return bin.open
    ? t('dashboard.responseTimes.longer', { value: edge(bin.fromSeconds, unit) })
    : `${edge(bin.fromSeconds, unit)}–${edge(bin.to, unit)}`;
}

export function responseTimeChart(interval) {
  return {
    id: `response-${interval}`,
    titleKey: `dashboard.responseTimes.interval.${interval}`,
    headingLevel: 3,
    subtitle: (e) => t('dashboard.responseTimes.subtitle', {
      count: count(e.count),
      standard: t(`dashboard.responseTimes.standard.${interval}`),
    }),
    option(e, theme) {
      const bins = closedBins(e);
      const max = bins.length ? bins.at(-1).to : (e.objectiveSeconds ?? 60) * 3;
      const axis = axisOf(e, max);
      const objective = e.objectiveSeconds;
      return {
        ...theme.base,
        grid: { left: 4, right: 26, top: 22, bottom: 2, containLabel: true },
        tooltip: {
          ...theme.base.tooltip,
          trigger: 'item',
          formatter: (p) => `${binLabel(bins[p.dataIndex], axis.unit)} ${t(`dashboard.responseTimes.unit.${axis.unit === 'minutes' ? 'clock' : axis.unit}`)}` +
            `<br>${t('dashboard.responseTimes.count')}: ${count(bins[p.dataIndex].count)}`,
        },
        xAxis: {
          type: 'value',
          min: 0,
          max,
          interval: axis.interval,
          name: t(`dashboard.responseTimes.unit.${axis.unit}`),
          nameGap: 4,
          ...theme.axis,
          splitLine: { show: false },
          axisLabel: { ...theme.axis.axisLabel, formatter: (v) => axisValue(v, axis.unit), hideOverlap: true },
        },
        yAxis: { type: 'value', minInterval: 1, splitNumber: 3, ...theme.axis },
        series: [{
          type: 'bar',
          barCategoryGap: '6%',
          data: bins.map((b) => ({
            value: [(b.fromSeconds + b.to) / 2, b.count],
            itemStyle: {
              color: objective != null && b.fromSeconds >= objective - 1e-9 ? theme.beyond : theme.within,
              opacity: b.open ? 0.75 : 1,
            },
            // The open-ended last bin holds everything longer: say so on it.
            label: b.open && b.count > 0 ? {
              show: true,
              position: 'top',
              distance: 2,
              color: theme.soft,
              fontFamily: theme.fontFamily,
              fontSize: 10,
              formatter: () => `≥${axisValue(b.fromSeconds, axis.unit)}`,
            } : undefined,
          })),
          markLine: objective == null ? undefined : {
            silent: true,
            symbol: 'none',
            lineStyle: { color: theme.objective, type: 'dashed', width: 1.5 },
            label: {
              formatter: t('dashboard.responseTimes.objective', { value: duration(objective) }),
              position: 'end',
              color: theme.objective,
              fontFamily: theme.fontFamily,
              fontSize: 11,
            },
            data: [{ xAxis: objective }],
          },
        }],
      };
    },
    table(e) {
      const bins = closedBins(e);
      const { unit } = axisOf(e, bins.length ? bins.at(-1).to : 0);
      const total = bins.reduce((sum, b) => sum + b.count, 0);
      let running = 0;
      return {
        caption: t(`dashboard.responseTimes.interval.${interval}`),
        columns: [
          { label: t('dashboard.responseTimes.bin', { unit: t(`dashboard.responseTimes.unit.${unit === 'minutes' ? 'clock' : unit}`) }) },
          { label: t('dashboard.responseTimes.count'), numeric: true },
          { label: t('dashboard.responseTimes.cumulative'), numeric: true },
        ],
        rows: bins.map((b) => {
          running += b.count;
          return [binLabel(b, unit), count(b.count), percent(total ? running / total : NaN)];
        }),
        foot: [[t('dashboard.total'), count(total), '']],
      };
    },
    stats: (e) => [
      { label: 'P50', value: duration(e.p50) },
      { label: 'P90', value: duration(e.p90) },
      { label: 'P95', value: duration(e.p95) },
      {
        label: t('dashboard.responseTimes.shareWithin'),
        value: percent(e.shareWithin),
        tone: !Number.isFinite(e.shareWithin) ? null : e.shareWithin >= TARGET_SHARE ? 'good' : 'warn',
      },
    ],
  };
}
