// The 5-minute coverage now: the share of population and of road reached from the units available
// at this moment (the One Map's coverage layer, as two figures).

import { t } from '../shared/i18n.js';
import { count, percent } from './format.js';

const COVERED = '#43a047';
const GAP = '#e8ecf0';

function donut(theme, centre, share, label) {
  const value = Number.isFinite(share) ? share : 0;
  return {
    type: 'pie',
    radius: ['44%', '58%'],
    center: [centre, '50%'],
    silent: true,
    startAngle: 90,
    label: {
      show: true,
      position: 'center',
      formatter: () => `{v|${percent(share)}}\n{l|${label}}`,
      rich: {
        v: { fontSize: 20, fontWeight: 700, color: theme.ink, fontFamily: theme.fontFamily, lineHeight: 26 },
        l: { fontSize: 12, color: theme.soft, fontFamily: theme.fontFamily, lineHeight: 16 },
      },
    },
    labelLine: { show: false },
    data: [
      { value, itemStyle: { color: COVERED } },
      { value: Math.max(0, 1 - value), itemStyle: { color: GAP }, label: { show: false } },
    ],
  };
}

export const coverageChart = Object.freeze({
  id: 'coverage',
  titleKey: 'dashboard.coverage.title',
  subtitle: (c) => (Number.isFinite(c.availableUnits)
    ? t('dashboard.coverage.subtitle', { minutes: c.minutes, units: count(c.availableUnits) })
    : t('dashboard.coverage.subtitleNoUnits', { minutes: c.minutes })),
  option: (c, theme) => ({
    ...theme.base,
    series: [
      donut(theme, '25%', c.population, t('dashboard.coverage.population')),
      donut(theme, '75%', c.road, t('dashboard.coverage.road')),
    ],
  }),
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
