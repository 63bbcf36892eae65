// Response-time distributions against the standards (DESIGN §5): one histogram per interval, the
// objective as a red dashed line, bars past it in amber, and the percentiles and the share within
// the objective under the chart. Percentiles come from the server, computed over raw samples.

import { t } from '../shared/i18n.js';
import { count, duration, percent, axisValue } from './format.js';
import { bar, countAxis, countTicks, el, frame, textWidth } from './svg-chart.js';

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
    draw(e, theme, width, height) {
      const bins = closedBins(e);
      const max = bins.length ? bins.at(-1).to : (e.objectiveSeconds ?? 60) * 3;
      const axis = axisOf(e, max);
      const objective = e.objectiveSeconds;
      const unitName = t(`dashboard.responseTimes.unit.${axis.unit}`);
      const tipUnit = t(`dashboard.responseTimes.unit.${axis.unit === 'minutes' ? 'clock' : axis.unit}`);
      const svg = frame(width, height, theme);
      const ticks = countTicks(Math.max(0, ...bins.map((b) => b.count)), 3);
      const left = 10 + Math.max(...ticks.map((v) => textWidth(theme.count(v))));
      const right = width - 8 - textWidth(unitName);
      const [top, bottom] = [22, height - 20];
      const y = countAxis(svg, { left, right, top, bottom, ticks, theme });
      const x = (seconds) => left + ((right - left) * seconds) / max;
      const gap = Math.min(2, ((right - left) / Math.max(1, bins.length)) * 0.06);
      bins.forEach((b) => {
        const colour = objective != null && b.fromSeconds >= objective - 1e-9 ? theme.beyond : theme.within;
        const tip = `${binLabel(b, axis.unit)} ${tipUnit}\n${t('dashboard.responseTimes.count')}: ${count(b.count)}`;
        svg.append(bar(x(b.fromSeconds) + gap / 2, y(b.count), x(b.to) - x(b.fromSeconds) - gap, y(0) - y(b.count), colour, tip,
          { opacity: b.open ? 0.75 : 1 }));
        // The open-ended last bin holds everything longer: say so on it.
        if (b.open && b.count > 0) {
          svg.append(el('text', { x: (x(b.fromSeconds) + x(b.to)) / 2, y: y(b.count) - 3, 'text-anchor': 'middle', 'font-size': 10, fill: theme.soft },
            `≥${axisValue(b.fromSeconds, axis.unit)}`));
        }
      });
      // Tick labels where they do not collide.
      let lastEnd = -Infinity;
      for (let v = 0; v <= max + 1e-9; v += axis.interval) {
        const label = axisValue(v, axis.unit);
        const half = textWidth(label) / 2;
        if (x(v) - half < lastEnd + 4) continue;
        svg.append(el('line', { x1: x(v), x2: x(v), y1: bottom, y2: bottom + 3, stroke: theme.line }));
        svg.append(el('text', { x: x(v), y: bottom + 14, 'text-anchor': 'middle', fill: theme.soft }, label));
        lastEnd = x(v) + half;
      }
      svg.append(el('text', { x: right + 4, y: bottom + 4, fill: theme.faint }, unitName));
      if (objective != null && objective <= max) {
        const label = t('dashboard.responseTimes.objective', { value: duration(objective) });
        svg.append(el('line', { x1: x(objective), x2: x(objective), y1: top - 4, y2: bottom, stroke: theme.objective, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }));
        const half = textWidth(label) / 2;
        const at = Math.min(width - half - 2, Math.max(half + 2, x(objective)));
        svg.append(el('text', { x: at, y: top - 8, 'text-anchor': 'middle', fill: theme.objective }, label));
      }
      return svg;
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
