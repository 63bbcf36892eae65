// The live alarm list: open alarms (or the most recent of any state), most urgent first — confirmed
// fires, then fires waiting for verification by the end of their window, then by severity — with the
// window's countdown ticking on the server's clock and the actions the alarm's state allows. Rows are
// kept by alarm id: a pushed change replaces its row, and a closed alarm leaves the open list.

import { t, onLanguageChange } from '../shared/i18n.js';
import { el, button } from '../dispatch/dom.js';
import { clock } from '../dispatch/format.js';
import { serverNow } from '../dispatch/clock.js';
import { named, pill, location, seconds } from './format.js';

const SEVERITY_RANK = { Critical: 4, Major: 3, Warning: 2, Info: 1 };
const STATE_RANK = { Confirmed: 3, PendingVerification: 2, Active: 1 };
const FRESH_MS = 2500;

function urgency(a, b) {
  return (STATE_RANK[b.state] ?? 0) - (STATE_RANK[a.state] ?? 0)
    || (a.state === 'PendingVerification' ? Date.parse(a.verifyBy) - Date.parse(b.verifyBy) : 0)
    || (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0)
    || b.id - a.id;
}

/** The actions a person may take on the alarm in its state (the server checks again and answers 409 otherwise). */
export function actionsFor(alarm) {
  if (alarm.closedAt) return [];
  const actions = [];
  if (alarm.state === 'PendingVerification') actions.push('verify');
  if (alarm.type === 'fire' && alarm.incidentId == null) actions.push('dismiss');
  if (!alarm.acknowledgedAt) actions.push('acknowledge');
  if (alarm.state !== 'PendingVerification') actions.push('clear');
  actions.push('assign');
  return actions;
}

/**
 * `handlers`: placeName(id) → string, act(alarm, action), open(alarm), messages(alarm).
 * `canAct`: whether the user's roles may act (read-only roles see no action buttons).
 */
export function createAlarmList(container, { canAct, handlers }) {
  const alarms = new Map();
  const fresh = new Map(); // id → time it changed, for the highlight
  const busy = new Set();
  let mode = 'open';
  let loaded = false;

  function visible(alarm) {
    return mode === 'recent' || !alarm.closedAt;
  }

  function countdown(alarm) {
    if (alarm.state !== 'PendingVerification' || !alarm.verifyBy) return '';
    const left = (Date.parse(alarm.verifyBy) - serverNow()) / 1000;
    return left > 0 ? seconds(left) : t('warnings.alarms.expired');
  }

  function actionCell(alarm) {
    const cell = el('div', { class: 'fc-alarms__actions' });
    if (canAct) {
      for (const action of actionsFor(alarm)) {
        cell.append(button(t(`warnings.alarms.${action}`), {
          class: ['fc-warn__btn', action === 'verify' && 'fc-warn__btn--danger'],
          data: { action },
          attrs: { disabled: busy.has(alarm.id) },
          on: { click: () => handlers.act(alarm, action) },
        }));
      }
    }
    cell.append(
      button(t('warnings.alarms.history'), { class: 'fc-warn__btn fc-warn__btn--link', data: { action: 'history' }, on: { click: () => handlers.open(alarm) } }),
      button(t('warnings.alarms.messages'), { class: 'fc-warn__btn fc-warn__btn--link', data: { action: 'messages' }, on: { click: () => handlers.messages(alarm) } }));
    return cell;
  }

  function row(alarm) {
    const notes = [
      alarm.count > 1 ? t('warnings.alarms.count', { count: alarm.count }) : null,
      alarm.incidentId != null ? t('warnings.alarms.incident', { id: alarm.incidentId }) : null,
      alarm.acknowledgedBy ? t('warnings.alarms.acknowledgedBy', { by: alarm.acknowledgedBy }) : null,
      alarm.assignedTo ? t('warnings.alarms.assignedTo', { to: alarm.assignedTo }) : null,
    ].filter(Boolean).join(' · ');
    const changed = fresh.get(alarm.id);
    const tr = el('tr', {
      class: changed && Date.now() - changed < FRESH_MS ? 'is-fresh' : null,
      data: { alarmId: alarm.id, state: alarm.state, type: alarm.type },
    },
    el('td', {}, pill('alarmSeverity', alarm.severity)),
    el('td', {}, el('span', { text: named('alarmType', alarm.type) }), notes ? el('span', { class: 'fc-alarms__sub', text: notes }) : null),
    el('td', {}, pill('alarmState', alarm.state)),
    el('td', {}, el('span', { class: 'fc-alarms__place', text: handlers.placeName(alarm.keyPlaceId) }),
      el('span', { class: 'fc-alarms__where', text: location(alarm) })),
    el('td', { class: 'fc-alarms__device', text: alarm.deviceKey }),
    el('td', { class: 'fc-alarms__time', text: clock(alarm.firstFrameAt) }),
    el('td', {}, el('span', {
      class: ['fc-countdown', alarm.state === 'PendingVerification' && Date.parse(alarm.verifyBy) <= serverNow() && 'fc-countdown--expired'],
      data: { countdown: alarm.id }, text: countdown(alarm),
    })),
    el('td', {}, actionCell(alarm)));
    return tr;
  }

  function render() {
    if (!loaded) return;
    const list = [...alarms.values()].filter(visible).sort(urgency);
    if (list.length === 0) {
      container.replaceChildren(el('p', { class: 'fc-warn__empty', attrs: { id: 'alarms-empty' },
        text: t(mode === 'open' ? 'warnings.alarms.empty' : 'warnings.alarms.emptyRecent') }));
      return;
    }
    const head = ['severity', 'type', 'state', 'place', 'device', 'time', 'countdown', 'actions']
      .map((key) => el('th', { attrs: { scope: 'col' }, text: t(`warnings.alarms.${key}`) }));
    container.replaceChildren(el('table', { class: 'fc-alarms', attrs: { id: 'alarm-table' } },
      el('thead', {}, el('tr', {}, head)), el('tbody', {}, list.map(row))));
  }

  function tick() {
    for (const cell of container.querySelectorAll('[data-countdown]')) {
      const alarm = alarms.get(Number(cell.dataset.countdown));
      if (!alarm) continue;
      cell.textContent = countdown(alarm);
      cell.classList.toggle('fc-countdown--expired', Date.parse(alarm.verifyBy) <= serverNow());
    }
  }
  setInterval(tick, 1000);
  onLanguageChange(render);

  return {
    get mode() { return mode; },
    setMode(next) { mode = next; },
    /** Replaces the list with a fresh answer from the API. */
    setAll(list) {
      alarms.clear();
      for (const alarm of list) alarms.set(alarm.id, alarm);
      loaded = true;
      render();
    },
    /** One alarm as pushed or answered. Closing is final: a late copy from before it never reopens the row. */
    upsert(alarm) {
      if (alarms.get(alarm.id)?.closedAt && !alarm.closedAt) return;
      alarms.set(alarm.id, alarm);
      fresh.set(alarm.id, Date.now());
      render();
    },
    get(id) { return alarms.get(id); },
    values() { return [...alarms.values()]; },
    setBusy(id, on) {
      if (on) busy.add(id); else busy.delete(id);
      render();
    },
    render,
  };
}
