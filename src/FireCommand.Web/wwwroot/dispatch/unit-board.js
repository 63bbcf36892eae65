// The unit status board (车辆状态板): every unit of the user's jurisdiction as a compact tile under its
// station, stations grouped by brigade (collapsible; a collapsed brigade still shows its status mix).
// Colours are the One Map legend's (map/symbols.js). Keyboard: focus a tile (Tab, arrows) and press a
// digit for the common GA/T 974.39 codes (1→21 途中, 2→22 到场, 3→23 出水, 4→24 停水, 5→25 返队,
// 6→26 驻防, 7→27 运水, 0→10 备勤) or Enter for the menu. The server decides what is legal; a refusal
// shows its reason.

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../map/symbols.js';
import { el, button } from './dom.js';
import { apparatusText, unitStatusText, shortCallSign, problemText } from './format.js';
import { createStatusMenu, DIGIT_STATUS } from './status-menu.js';

const ON_INCIDENT = new Set([20, 21, 22, 23, 24, 27]);
const STORAGE_KEY = 'firecommand.console.collapsedBrigades';
const BIG_BOARD = 150; // more units than this: brigades start collapsed

/** Black or white text, whichever reads on the status colour. */
export function inkOn(hex) {
  const n = parseInt(String(hex).slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 > 0.6 ? '#1f2a36' : '#ffffff';
}

function loadCollapsed() {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return raw && typeof raw === 'object' ? raw : {};
  } catch {
    return {};
  }
}

function saveCollapsed(choices) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // not persisted
  }
}

export function createUnitBoard(root, store, { canChangeStatus }) {
  const choices = loadCollapsed(); // brigade id → true (collapsed) | false (expanded), the user's own clicks
  const autoOpen = new Set(); // brigades opened for the selected incident
  const tiles = new Map(); // unit id → tile button
  let filterText = '';
  let busyOnly = false;
  let refusal = null; // the last refusal's text, in the current language
  const menu = createStatusMenu({ onChoose: (unitId, code) => changeStatus(unitId, code) });

  const title = el('h2', { class: 'fc-panel__title', attrs: { id: 'board-title' } });
  const summary = el('span', { class: 'fc-panel__count', attrs: { id: 'board-summary' } });
  const search = el('input', { class: 'fc-input fc-board__search', attrs: { type: 'search', id: 'board-filter', autocomplete: 'off' } });
  const busyBox = el('input', { attrs: { type: 'checkbox', id: 'board-busy' } });
  const busyLabel = el('label', { class: 'fc-board__busy', attrs: { for: 'board-busy' } });
  const hint = el('p', { class: 'fc-board__hint', attrs: { id: 'board-hint' } });
  const notice = el('p', { class: 'fc-note fc-note--error fc-board__notice', attrs: { role: 'alert', id: 'board-notice' }, hidden: true });
  const groups = el('div', { class: 'fc-board__groups', attrs: { role: 'group', 'aria-labelledby': 'board-title' } });
  root.replaceChildren(
    el('header', { class: 'fc-panel__head' }, title, summary),
    el('div', { class: 'fc-board__tools' }, search, el('span', { class: 'fc-board__busy-wrap' }, busyBox, busyLabel)),
    notice, groups, hint,
  );

  search.addEventListener('input', () => { filterText = search.value.trim().toLowerCase(); render(); });
  busyBox.addEventListener('change', () => { busyOnly = busyBox.checked; render(); });

  const defaultCollapsed = () => store.units.size > BIG_BOARD;
  const isCollapsed = (brigadeId) => {
    if (filterText) return false;
    if (autoOpen.has(brigadeId)) return false;
    return choices[brigadeId] ?? defaultCollapsed();
  };

  function brigadeOf(station) {
    return store.jurisdictions.get(station?.jurisdictionId) ?? null;
  }

  function detachmentName(brigade) {
    const parent = brigade ? store.jurisdictions.get(brigade.parentId) : null;
    // "白江市消防救援支队" → "白江市支队": the board column is narrow and every name ends the same.
    return parent && parent.level !== 'Corps' ? parent.name.replace(/消防救援支队$/, '支队') : '';
  }

  function matches(unit, station) {
    if (busyOnly && !ON_INCIDENT.has(unit.status) && unit.status !== 25) return false;
    if (!filterText) return true;
    return `${unit.callSign} ${station?.name ?? ''} ${apparatusText(unit.type)}`.toLowerCase().includes(filterText);
  }

  /** Brigades → stations → units, in a stable order (detachment, brigade, station, call sign). */
  function grouped() {
    const byStation = new Map();
    for (const unit of store.units.values()) {
      if (!byStation.has(unit.homeStationId)) byStation.set(unit.homeStationId, []);
      byStation.get(unit.homeStationId).push(unit);
    }
    const brigades = new Map();
    for (const [stationId, units] of byStation) {
      const station = store.stations.get(stationId);
      const brigade = brigadeOf(station);
      const key = brigade?.id ?? 0;
      if (!brigades.has(key)) brigades.set(key, { brigade, stations: [] });
      units.sort((a, b) => a.callSign.localeCompare(b.callSign, 'zh-CN'));
      brigades.get(key).stations.push({ station, stationId, units });
    }
    const list = [...brigades.values()];
    for (const b of list) b.stations.sort((a, b2) => (a.station?.name ?? '').localeCompare(b2.station?.name ?? '', 'zh-CN'));
    list.sort((a, b) => (a.brigade?.parentId ?? 0) - (b.brigade?.parentId ?? 0) || (a.brigade?.id ?? 0) - (b.brigade?.id ?? 0));
    return list;
  }

  function tileFor(unit, station) {
    const colour = UNIT_STATUS_COLOURS[unit.status] ?? UNIT_UNKNOWN_COLOUR;
    const incident = unit.incidentId ? store.incidents.get(unit.incidentId) : null;
    const tile = el('button', {
      class: ['fc-tile', unit.incidentId && unit.incidentId === store.selectedId && 'is-selected-incident'],
      attrs: {
        type: 'button',
        'aria-haspopup': canChangeStatus ? 'menu' : null,
        'aria-disabled': canChangeStatus ? null : 'true',
        'aria-keyshortcuts': canChangeStatus ? '0 1 2 3 4 5 6 7 Enter' : null,
      },
      data: { unitId: unit.id, status: unit.status, incidentId: unit.incidentId ?? null },
    },
    el('span', { class: 'fc-tile__code', text: String(unit.status ?? '?') }),
    el('span', { class: 'fc-tile__name', text: shortCallSign(unit.callSign) }));
    tile.style.setProperty('--status', colour);
    tile.style.setProperty('--status-ink', inkOn(colour));
    const lines = [
      unit.callSign,
      `${apparatusText(unit.type)}${station ? ` · ${station.name}` : ''}`,
      `${unit.status} ${unitStatusText(unit.status)}`,
    ];
    if (incident) lines.push(t('console.board.onIncident', { number: incident.number }));
    if (canChangeStatus) lines.push(t('console.board.keysHint'));
    tile.title = lines.join('\n');
    tile.setAttribute('aria-label', t(incident ? 'console.board.tileLabelBusy' : 'console.board.tileLabel', {
      unit: unit.callSign, status: `${unit.status} ${unitStatusText(unit.status)}`, number: incident?.number ?? '',
    }));
    tile.addEventListener('keydown', (e) => onTileKey(e, unit.id));
    tile.addEventListener('click', () => { if (canChangeStatus) openMenu(unit.id, tile); });
    tiles.set(unit.id, tile);
    return tile;
  }

  function statusBar(units) {
    const counts = new Map();
    for (const u of units) counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
    const bar = el('span', { class: 'fc-board__mix', attrs: { 'aria-hidden': 'true' } });
    for (const [code, n] of [...counts].sort((a, b) => a[0] - b[0])) {
      const part = el('span', { class: 'fc-board__mix-part', title: `${code} ${unitStatusText(code)}: ${n}` });
      part.style.flexGrow = String(n);
      part.style.background = UNIT_STATUS_COLOURS[code] ?? UNIT_UNKNOWN_COLOUR;
      bar.append(part);
    }
    return bar;
  }

  function render() {
    const focusedId = document.activeElement?.closest?.('.fc-tile')?.dataset.unitId;
    tiles.clear();
    title.textContent = t('console.board.title');
    search.placeholder = t('console.board.filter');
    search.setAttribute('aria-label', t('console.board.filter'));
    busyLabel.textContent = t('console.board.busyOnly');
    hint.textContent = canChangeStatus ? t('console.board.keys') : t('console.board.readOnly');
    if (refusal) notice.textContent = refusal();
    const all = [...store.units.values()];
    const available = all.filter((u) => u.status === 10).length;
    summary.textContent = t('console.board.summary', { available: formatNumber(available), total: formatNumber(all.length) });

    const sections = [];
    for (const { brigade, stations } of grouped()) {
      const brigadeId = brigade?.id ?? 0;
      const units = stations.flatMap((s) => s.units);
      const shown = stations.map((s) => ({ ...s, units: s.units.filter((u) => matches(u, s.station)) })).filter((s) => s.units.length);
      if (!shown.length) continue;
      const collapsed = isCollapsed(brigadeId);
      const bodyId = `board-brigade-${brigadeId}`;
      const head = button('', {
        class: 'fc-board__brigade-head',
        attrs: { 'aria-expanded': String(!collapsed), 'aria-controls': bodyId },
        on: {
          click: () => {
            choices[brigadeId] = !collapsed;
            autoOpen.delete(brigadeId);
            saveCollapsed(choices);
            render();
          },
        },
      });
      const avail = units.filter((u) => u.status === 10).length;
      head.append(
        el('span', { class: 'fc-board__caret', text: collapsed ? '▸' : '▾', attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'fc-board__brigade-name', text: brigade?.name ?? t('console.board.otherStations') }),
        el('span', { class: 'fc-board__detachment', text: detachmentName(brigade) }),
        statusBar(units),
        el('span', { class: 'fc-board__avail', text: t('console.board.brigadeCount', { available: avail, total: units.length }) }),
      );
      const body = el('div', { class: 'fc-board__stations', attrs: { id: bodyId }, hidden: collapsed });
      if (!collapsed) {
        for (const { station, stationId, units: stationUnits } of shown) {
          const label = stationUnits[0]?.callSign.includes(' ') ? stationUnits[0].callSign.split(' ')[0] : (station?.name ?? `#${stationId}`);
          body.append(el('div', { class: 'fc-board__station', data: { stationId } },
            el('span', { class: 'fc-board__station-name', text: label, title: station?.name ?? '' }),
            el('div', { class: 'fc-board__tiles' }, ...stationUnits.map((u) => tileFor(u, station)))));
        }
      }
      sections.push(el('section', { class: 'fc-board__brigade', data: { jurisdictionId: brigadeId } }, head, body));
    }
    groups.replaceChildren(...sections);
    if (!sections.length) groups.append(el('p', { class: 'fc-empty', text: t('console.board.none') }));
    for (const tile of tiles.values()) tile.tabIndex = -1;
    const first = focusedId ? tiles.get(Number(focusedId)) : null;
    (first ?? tiles.values().next().value)?.setAttribute('tabindex', '0');
    if (first) first.focus({ preventScroll: true });
  }

  function updateTile(unitId, previous) {
    const tile = tiles.get(unitId);
    const unit = store.units.get(unitId);
    if (!unit) return renderSoon();
    // Position reports move the map, not the board.
    if (previous && previous.status === unit.status && previous.incidentId === unit.incidentId && tile) return undefined;
    if (!tile) {
      const brigade = brigadeOf(store.stations.get(unit.homeStationId));
      const visible = !isCollapsed(brigade?.id ?? 0) && matches(unit, store.stations.get(unit.homeStationId));
      return visible ? renderSoon() : renderHeadsSoon();
    }
    const wasFocused = document.activeElement === tile;
    const fresh = tileFor(unit, store.stations.get(unit.homeStationId));
    fresh.tabIndex = tile.tabIndex;
    tile.replaceWith(fresh);
    if (wasFocused) fresh.focus({ preventScroll: true });
    // Brigade mixes and the summary change with it: cheap enough to redo on the next frame.
    renderHeadsSoon();
  }

  const renderHeadsSoon = (() => {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        const all = [...store.units.values()];
        summary.textContent = t('console.board.summary', { available: formatNumber(all.filter((u) => u.status === 10).length), total: formatNumber(all.length) });
        for (const { brigade, stations } of grouped()) {
          const section = groups.querySelector(`.fc-board__brigade[data-jurisdiction-id="${brigade?.id ?? 0}"]`);
          if (!section) continue;
          const units = stations.flatMap((s) => s.units);
          section.querySelector('.fc-board__mix')?.replaceWith(statusBar(units));
          const avail = section.querySelector('.fc-board__avail');
          if (avail) avail.textContent = t('console.board.brigadeCount', { available: units.filter((u) => u.status === 10).length, total: units.length });
        }
      });
    };
  })();

  function moveFocus(fromId, key) {
    const list = [...tiles.values()];
    const current = tiles.get(fromId);
    if (!current) return;
    let next = null;
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      const index = list.indexOf(current) + (key === 'ArrowRight' ? 1 : -1);
      next = list[index] ?? null;
    } else {
      const from = current.getBoundingClientRect();
      const down = key === 'ArrowDown';
      let best = Infinity;
      for (const tile of list) {
        const r = tile.getBoundingClientRect();
        const dy = down ? r.top - from.bottom : from.top - r.bottom;
        if (dy < -2) continue;
        const score = dy * 3 + Math.abs(r.left - from.left);
        if (tile !== current && score < best) { best = score; next = tile; }
      }
    }
    if (next) {
      current.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    }
  }

  function onTileKey(e, unitId) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'].includes(e.key)) {
      moveFocus(unitId, e.key);
      e.preventDefault();
      return;
    }
    if (!canChangeStatus) return;
    if (Object.hasOwn(DIGIT_STATUS, e.key)) {
      e.preventDefault();
      changeStatus(unitId, DIGIT_STATUS[e.key]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openMenu(unitId, e.currentTarget);
    }
  }

  async function changeStatus(unitId, code) {
    const unit = store.units.get(unitId);
    menu.close();
    refusal = null;
    notice.hidden = true;
    const tile = tiles.get(unitId);
    tile?.classList.add('is-pending');
    try {
      // 返队 with water on: GA/T 974.39 has no 23 → 25, so the water-off (24) is recorded first.
      if (code === 25 && unit?.status === 23) store.applyUnit(await api.post(`/api/units/${unitId}/status`, { status: 24 }));
      const view = await api.post(`/api/units/${unitId}/status`, { status: code });
      store.applyUnit(view);
      // The incident's times changed too (en route, on scene): its view arrives live; fetch it anyway
      // so this console is right even when the live channel is down.
      if (view.incidentId || unit?.incidentId) store.refreshIncident(view.incidentId ?? unit.incidentId).catch(() => {});
    } catch (error) {
      tiles.get(unitId)?.classList.remove('is-pending');
      refusal = () => t('console.board.refused', {
        unit: unit?.callSign ?? `#${unitId}`, status: `${code} ${unitStatusText(code)}`, detail: problemText(error),
      });
      notice.textContent = refusal();
      notice.hidden = false;
    }
  }

  function openMenu(unitId, anchor) {
    const unit = store.units.get(unitId);
    if (unit) menu.open(unit, anchor);
    else menu.close();
  }

  /** Opens the brigades of the selected incident's units and marks their tiles; `reveal` scrolls to them. */
  function followSelection(reveal = false) {
    autoOpen.clear();
    const incident = store.incidents.get(store.selectedId);
    for (const a of incident?.assignments ?? []) {
      if (a.clearedAt) continue;
      const unit = store.units.get(a.unitId);
      const brigade = brigadeOf(store.stations.get(unit?.homeStationId));
      if (brigade) autoOpen.add(brigade.id);
    }
    render();
    if (reveal) groups.querySelector('.fc-tile.is-selected-incident')?.scrollIntoView({ block: 'nearest' });
  }

  const renderSoon = (() => {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; render(); });
    };
  })();

  store.on('units', () => (store.selectedId ? followSelection() : renderSoon()));
  store.on('unit', ({ id, previous }) => updateTile(id, previous));
  store.on('select', () => followSelection(true));
  store.on('incident', ({ id, incident, previous }) => {
    if (id !== store.selectedId) return;
    // Newly dispatched units: open their brigades and bring them into view.
    const added = (incident?.assignments?.length ?? 0) !== (previous?.assignments?.length ?? 0);
    followSelection(added);
  });
  onLanguageChange(render);
  render();

  return { render, focus: () => (groups.querySelector('.fc-tile[tabindex="0"]') ?? search).focus() };
}
