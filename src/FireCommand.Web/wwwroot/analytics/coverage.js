// The 5-minute coverage now: the share of population and of road reached from the units available
// at this moment (the One Map's coverage layer, as two figures).

import { t } from '../shared/i18n.js';
import { count, percent } from './format.js';
import { el, frame } from './svg-chart.js';

const COVERED = '#43a047';
const GAP = '#e8ecf0';

/** A ring filled clockwise from the top by `share`, the figure and its name in the middle. */
function donut(svg, theme, cx, cy, radius, share, label) {
  const value = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const width = radius * 0.26;
  const r = radius - width / 2;
  const circumference = 2 * Math.PI * r;
  svg.append(el('circle', { cx, cy, r, fill: 'none', stroke: GAP, 'stroke-width': width }));
  svg.append(el('circle', {
    cx, cy, r, fill: 'none', stroke: COVERED, 'stroke-width': width,
    'stroke-dasharray': `${circumference * value} ${circumference}`, transform: `rotate(-90 ${cx} ${cy})`,
  }));
  svg.append(el('text', { x: cx, y: cy + 2, 'text-anchor': 'middle', 'font-size': 20, 'font-weight': 700 }, percent(share)));
  svg.append(el('text', { x: cx, y: cy + 20, 'text-anchor': 'middle', 'font-size': 12, fill: theme.soft }, label));
}

export const coverageChart = Object.freeze({
  id: 'coverage',
  titleKey: 'dashboard.coverage.title',
  subtitle: (c) => (Number.isFinite(c.availableUnits)
    ? t('dashboard.coverage.subtitle', { minutes: c.minutes, units: count(c.availableUnits) })
    : t('dashboard.coverage.subtitleNoUnits', { minutes: c.minutes })),
  draw(c, theme, width, height) {
    const svg = frame(width, height, theme);
    const radius = Math.min(width / 4, height / 2) * 0.9;
    donut(svg, theme, width * 0.25, height / 2, radius, c.population, t('dashboard.coverage.population'));
    donut(svg, theme, width * 0.75, height / 2, radius, c.road, t('dashboard.coverage.road'));
    return svg;
  },
  table: (c) => ({
    caption: t('dashboard.coverage.title'),
    columns: [{ label: t('dashboard.coverage.metric') }, { label: t('dashboard.coverage.value'), numeric: true }],
    rows: [
      [t('dashboard.coverage.populationShare'), percent(c.population)],
      [t('dashboard.coverage.roadShare'), percent(c.road)],
      [t('dashboard.coverage.availableUnits'), Number.isFinite(c.availableUnits) ? count(c.availableUnits) : '–'],
    ],
  }),
});
