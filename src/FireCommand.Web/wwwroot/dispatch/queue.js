// The incident queue (警情队列): open incidents, filterable by state, the ones that need a dispatcher
// first (new calls, then by level, newest first). Each row ticks its timer every second: call
// processing until dispatched, then the first unit's turnout and travel; amber and red at the
// standards. A timerAlert from the server flashes the row. Keyboard: ↑/↓ move, Enter opens.

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { el, button } from './dom.js';
import { duration, levelBadge, typeText, subtypeText, statePill, sourceText, ms } from './format.js';
import { queueTimer } from './timers.js';
import { serverNow } from './clock.js';

const STATES = ['Received', 'Dispatched', 'Working', 'Closing'];
const STATE_RANK = { Received: 0, Dispatched: 1, Working: 2, Closing: 3 };

export function createQueue(root, store, { onOpen }) {
  let filter = 'all';
  const rows = new Map(); // id → { row, timer, elapsed }
  const flashes = new Map(); // id → timeout

  const tabs = el('div', { class: 'fc-queue__tabs', attrs: { role: 'tablist' } });
  const list = el('ol', { class: 'fc-queue__list', attrs: { role: 'listbox', tabindex: '0', id: 'queue-list' } });
  const empty = el('p', { class: 'fc-empty', attrs: { id: 'queue-empty' } });
  const title = el('h2', { class: 'fc-panel__title', attrs: { id: 'queue-title' } });
  const count = el('span', { class: 'fc-panel__count' });
  root.replaceChildren(
    el('header', { class: 'fc-panel__head' }, title, count),
    tabs, list, empty,
  );
  list.setAttribute('aria-labelledby', 'queue-title');

  function renderTabs() {
    const open = store.openIncidents();
    const counts = Object.fromEntries(STATES.map((s) => [s, open.filter((i) => i.state === s).length]));
    tabs.replaceChildren(...['all', ...STATES].map((id) => {
      const n = id === 'all' ? open.length : counts[id];
      const tab = button('', {
        class: ['fc-queue__tab', id !== 'all' && `fc-queue__tab--${id}`],
        attrs: { role: 'tab', 'aria-selected': String(filter === id), 'data-filter': id },
        on: { click: () => { filter = id; render(); } },
      });
      tab.append(el('span', { text: id === 'all' ? t('console.queue.all') : t(`dispatch.state.${id}`) }),
        el('span', { class: 'fc-queue__tab-count', text: formatNumber(n) }));
      return tab;
    }));
  }

  function sorted() {
    return store.openIncidents()
      .filter((i) => filter === 'all' || i.state === filter)
      .sort((a, b) => (STATE_RANK[a.state] - STATE_RANK[b.state]) || (b.fireLevel - a.fireLevel)
        || (ms(b.receivedAt) - ms(a.receivedAt)) || (b.id - a.id));
  }

  function buildRow(incident) {
    const timer = el('span', { class: 'fc-timer' });
    const elapsed = el('span', { class: 'fc-queue__elapsed' });
    const type = [typeText(incident.type), subtypeText(incident.subtype)].filter(Boolean).join(' · ');
    const row = el('li', {
      class: 'fc-queue__row',
      attrs: { role: 'option', id: `incident-row-${incident.id}`, 'aria-selected': String(store.selectedId === incident.id) },
      data: { incidentId: incident.id, state: incident.state, number: incident.number },
      on: { click: () => open(incident.id, false) },
    },
    el('div', { class: 'fc-queue__line' },
      levelBadge(incident.fireLevel),
      el('span', { class: 'fc-queue__number', text: incident.number }),
      // A linked agency's call (110, 120) or an automatic alarm says so; a 119 call is the usual case.
      incident.source && incident.source !== 'Call119' ? el('span', { class: 'fc-queue__source', text: sourceText(incident.source) }) : null,
      el('span', { class: 'fc-queue__type', text: type }),
      timer),
    el('div', { class: 'fc-queue__line fc-queue__line--sub' },
      el('span', { class: 'fc-queue__address', text: incident.address || t('console.queue.noAddress'), title: incident.address || '' }),
      statePill(incident.state),
      elapsed));
    if (flashes.has(incident.id)) row.classList.add('is-flash');
    return { row, timer, elapsed, incident };
  }

  function tickRow(entry, now) {
    const incident = store.incidents.get(entry.incident.id) ?? entry.incident;
    const reading = queueTimer(incident, now);
    entry.timer.dataset.kind = reading.kind;
    entry.timer.dataset.state = reading.state;
    entry.timer.textContent = `${t(`dispatch.timer.short.${reading.kind}`)} ${duration(reading.seconds)}`;
    entry.timer.title = t(`dispatch.timer.long.${reading.kind}`);
    entry.row.dataset.timerState = reading.state;
    entry.elapsed.textContent = t('console.queue.elapsed', { time: duration((now - ms(incident.receivedAt)) / 1000) });
  }

  // The selected incident keeps its row while the dispatcher works on it (dispatching it would
  // otherwise move it down among the dispatched ones, under their eyes); it takes its sorted place
  // once another incident is selected.
  let held = null; // { id, index }
  function holdSelected(items) {
    const id = store.selectedId;
    const index = items.findIndex((i) => i.id === id);
    if (index < 0) { held = null; return items; }
    if (held?.id !== id) { held = { id, index }; return items; }
    const target = Math.min(held.index, items.length - 1);
    if (target === index) return items;
    const rest = items.filter((i) => i.id !== id);
    rest.splice(target, 0, items[index]);
    return rest;
  }

  function render() {
    renderTabs();
    const focusedId = document.activeElement === list ? store.selectedId : null;
    rows.clear();
    const items = holdSelected(sorted());
    list.replaceChildren(...items.map((incident) => {
      const entry = buildRow(incident);
      rows.set(incident.id, entry);
      return entry.row;
    }));
    title.textContent = t('console.queue.title');
    count.textContent = t('console.queue.count', { count: formatNumber(store.openIncidents().length) });
    empty.textContent = filter === 'all' ? t('console.queue.empty') : t('console.queue.emptyFilter');
    empty.hidden = items.length > 0;
    list.setAttribute('aria-activedescendant', store.selectedId && rows.has(store.selectedId) ? `incident-row-${store.selectedId}` : '');
    if (focusedId) rows.get(focusedId)?.row.scrollIntoView({ block: 'nearest' });
    tick();
  }

  function tick() {
    const now = serverNow();
    for (const entry of rows.values()) tickRow(entry, now);
  }

  function open(id, keyboard) {
    store.select(id);
    onOpen(id, { keyboard });
  }

  function move(delta) {
    const ids = [...rows.keys()];
    if (!ids.length) return;
    const index = ids.indexOf(store.selectedId);
    const next = ids[Math.max(0, Math.min(ids.length - 1, index < 0 ? 0 : index + delta))];
    store.select(next);
    rows.get(next)?.row.scrollIntoView({ block: 'nearest' });
  }

  list.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { move(1); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
    else if (e.key === 'Home') { move(-Infinity); e.preventDefault(); }
    else if (e.key === 'End') { move(Infinity); e.preventDefault(); }
    else if (e.key === 'Enter' && store.selectedId) { open(store.selectedId, true); e.preventDefault(); }
  });

  /** Flashes a row (timerAlert, a new call): a few calm pulses, then it stays marked by its colour. */
  function flash(id) {
    clearTimeout(flashes.get(id));
    flashes.set(id, setTimeout(() => {
      flashes.delete(id);
      rows.get(id)?.row.classList.remove('is-flash');
    }, 6000));
    const entry = rows.get(id);
    if (entry) {
      entry.row.classList.remove('is-flash');
      void entry.row.offsetWidth; // restart the animation
      entry.row.classList.add('is-flash');
    }
  }

  const renderSoon = (() => {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; render(); });
    };
  })();

  store.on('incidents', renderSoon);
  store.on('incident', ({ id, previous, quiet }) => {
    renderSoon();
    if (!previous && !quiet) flash(id);
  });
  store.on('select', () => {
    for (const [id, entry] of rows) entry.row.setAttribute('aria-selected', String(id === store.selectedId));
    list.setAttribute('aria-activedescendant', store.selectedId && rows.has(store.selectedId) ? `incident-row-${store.selectedId}` : '');
  });
  onLanguageChange(render);
  setInterval(tick, 1000);
  render();

  return { render, flash, focus: () => list.focus() };
}
