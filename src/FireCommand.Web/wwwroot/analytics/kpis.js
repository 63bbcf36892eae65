// The figures along the top: incidents in the period, total response at the 90th percentile
// against its objective, 5-minute population coverage now, units ready to leave now.

import { t, onLanguageChange } from '../shared/i18n.js';
import { count, duration, percent } from './format.js';
import { TARGET_SHARE } from './response-times.js';

const KPIS = Object.freeze(['incidents', 'response', 'coverage', 'units']);

export function createKpis(container) {
  const tiles = new Map();
  for (const id of KPIS) {
    const tile = document.createElement('div');
    tile.className = 'fc-kpi';
    tile.dataset.kpi = id;
    const label = document.createElement('dt');
    label.className = 'fc-kpi__label';
    const value = document.createElement('dd');
    value.className = 'fc-kpi__value';
    const note = document.createElement('dd');
    note.className = 'fc-kpi__note';
    tile.append(label, value, note);
    container.append(tile);
    tiles.set(id, { tile, label, value, note });
  }
  let state = {};

  function set(id, valueText, noteText, tone) {
    const { tile, label, value, note } = tiles.get(id);
    label.textContent = t(`dashboard.kpi.${id}`);
    value.textContent = valueText ?? '–';
    note.textContent = noteText ?? '';
    tile.dataset.tone = tone ?? '';
  }

  function render() {
    const { incidents, total, coverage, units } = state;
    set('incidents', incidents ? count(incidents.total) : null,
      incidents?.period ? t('dashboard.kpi.incidentsNote', {
        days: incidents.period,
        perDay: count(Math.round((incidents.total / incidents.period) * 10) / 10),
      }) : null);
    set('response', total ? duration(total.p90) : null,
      total ? t('dashboard.kpi.responseNote', { objective: duration(total.objectiveSeconds), share: percent(total.shareWithin) }) : null,
      total && Number.isFinite(total.shareWithin) ? (total.shareWithin >= TARGET_SHARE ? 'good' : 'warn') : null);
    set('coverage', coverage ? percent(coverage.population) : null,
      coverage && Number.isFinite(coverage.road) ? t('dashboard.kpi.coverageNote', { road: percent(coverage.road) }) : null);
    set('units', units ? count(units.available) : null,
      units ? t('dashboard.kpi.unitsNote', { total: count(units.total) }) : null);
  }
  onLanguageChange(render);
  render();

  return {
    /** Any of { incidents (matrix), total (the Total response entry), coverage, units (summary) }. */
    update(next) {
      state = { ...state, ...next };
      render();
    },
  };
}
