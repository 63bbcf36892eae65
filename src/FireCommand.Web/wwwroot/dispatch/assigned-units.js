// The units on an incident (出动车辆): status in the map's colours, the plan task, the ETA given at
// dispatch, and each unit's turnout and travel timers ticking against NFPA 1710.

import { t, onLanguageChange } from '../shared/i18n.js';
import { UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../map/symbols.js';
import { el } from './dom.js';
import { duration, clock, slotText, unitStatusText } from './format.js';
import { unitTimers } from './timers.js';
import { serverNow } from './clock.js';
import { timerChip, updateTimerChip } from './timer-chip.js';

export function createAssignedUnits(root, store, { onUnitClick } = {}) {
  let incident = null;
  const rows = new Map(); // assignment id → { a, turnout, travel }
  root.classList.add('fc-assigned');

  function render() {
    rows.clear();
    const list = incident?.assignments ?? [];
    if (!list.length) {
      root.replaceChildren(el('p', { class: 'fc-empty', text: t('console.incident.noUnits') }));
      return;
    }
    const table = el('table', { class: 'fc-table fc-assigned__table' });
    table.append(el('thead', {}, el('tr', {},
      ...['unit', 'status', 'eta', 'turnout', 'travel'].map((c) => el('th', { text: t(`console.incident.col.${c}`), attrs: { scope: 'col' } })))));
    const tbody = el('tbody');
    const now = serverNow();
    for (const a of list) {
      const status = a.clearedAt ? null : (store.units.get(a.unitId)?.status ?? a.unitStatus);
      const swatch = el('span', { class: 'fc-dot' });
      swatch.style.background = status ? (UNIT_STATUS_COLOURS[status] ?? UNIT_UNKNOWN_COLOUR) : 'transparent';
      const readings = unitTimers(incident, a, now);
      const turnout = timerChip('Turnout', readings.turnout, { compact: true, label: false });
      const travel = timerChip('Travel', readings.travel, { compact: true, label: false });
      rows.set(a.id, { a, turnout, travel });
      const statusText = a.clearedAt ? t('console.incident.cleared') : `${status} ${unitStatusText(status)}`;
      const row = el('tr', { class: a.clearedAt ? 'is-cleared' : '', data: { unitId: a.unitId, status: status ?? 'cleared' } },
        el('td', { class: 'fc-assigned__unit' },
          el('span', { class: 'fc-assigned__callsign', text: a.callSign }),
          a.crossJurisdiction ? el('span', { class: 'fc-flag fc-flag--cross', text: t('dispatch.rec.cross') }) : null,
          el('span', { class: 'fc-assigned__slot', text: slotText(a.slot), title: slotText(a.slot) })),
        el('td', { class: 'fc-assigned__status', title: a.onSceneAt ? t('console.incident.onSceneAt', { time: clock(a.onSceneAt) }) : '' },
          swatch, el('span', { text: statusText })),
        el('td', { class: 'fc-num', text: a.etaSeconds !== null && a.etaSeconds !== undefined ? duration(a.etaSeconds) : '—' }),
        el('td', {}, turnout),
        el('td', {}, travel));
      if (onUnitClick) {
        row.classList.add('is-clickable');
        row.addEventListener('click', () => onUnitClick(a.unitId));
      }
      tbody.append(row);
    }
    table.append(tbody);
    root.replaceChildren(table);
  }

  function tick() {
    if (!incident) return;
    const now = serverNow();
    for (const { a, turnout, travel } of rows.values()) {
      const r = unitTimers(incident, a, now);
      updateTimerChip(turnout, r.turnout);
      updateTimerChip(travel, r.travel);
    }
  }

  onLanguageChange(render);
  return {
    show(next) {
      incident = next;
      render();
    },
    tick,
  };
}
