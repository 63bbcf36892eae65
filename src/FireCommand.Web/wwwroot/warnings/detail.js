// The drawer beside the board: one alarm with its history and timings, or one device's message log.
// Each request carries the subject it was made for; an answer that arrives after the user opened
// something else is dropped, so the drawer never shows one alarm's history under another's title.

import { t, onLanguageChange } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { el } from '../dispatch/dom.js';
import { clock } from '../dispatch/format.js';
import { named, pill, location, reading, seconds, failure } from './format.js';

export function createDetail(drawer, { placeName }) {
  const title = drawer.querySelector('#detail-heading');
  const body = drawer.querySelector('#detail-body');
  let subject = null; // { kind: 'alarm' | 'device', id, data }

  drawer.querySelector('#detail-close').addEventListener('click', close);
  drawer.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });

  function close() {
    subject = null;
    drawer.hidden = true;
  }

  function table(headers, rows) {
    return el('table', { class: 'fc-detail__table' },
      el('thead', {}, el('tr', {}, headers.map((key) => el('th', { text: t(key) })))),
      el('tbody', {}, rows));
  }

  function alarmView({ alarm, history }) {
    title.textContent = t('warnings.detail.alarmTitle', { id: alarm.id });
    const timings = [t('warnings.detail.frameToAlarm', { value: seconds(alarm.timings?.frameToAlarmSeconds) })];
    if (alarm.timings?.confirmedToIncidentSeconds != null) {
      timings.push(t('warnings.detail.toIncident', { value: seconds(alarm.timings.confirmedToIncidentSeconds) }));
    }
    const facts = [
      ['warnings.alarms.type', named('alarmType', alarm.type)],
      ['warnings.alarms.state', pill('alarmState', alarm.state)],
      ['warnings.alarms.severity', pill('alarmSeverity', alarm.severity)],
      ['warnings.alarms.place', `${placeName(alarm.keyPlaceId)} ${location(alarm)}`.trim()],
      ['warnings.alarms.device', alarm.deviceKey],
      alarm.confirmedBy ? ['warnings.detail.confirmedBy', named('confirmedBy', alarm.confirmedBy)] : null,
      ['warnings.detail.timings', timings.join(' · ')],
    ].filter(Boolean);
    const rows = (history ?? []).map((e) => el('tr', { data: { kind: e.kind } },
      el('td', { text: clock(e.at) }),
      el('td', { text: named('alarmEvent', e.kind) }),
      el('td', { text: e.by }),
      el('td', { text: [e.value != null ? reading(e.value, alarm.unit) : null, e.note].filter((s) => s).join(' · ') })));
    body.replaceChildren(
      el('dl', { class: 'fc-detail__facts' }, facts.map(([key, value]) => [el('dt', { text: t(key) }), el('dd', {}, value)])),
      el('h3', { class: 'fc-health__subtitle', text: t('warnings.detail.history') }),
      rows.length ? table(['warnings.alarms.time', 'warnings.alarms.type', 'warnings.detail.by', 'warnings.detail.value'], rows)
        : el('p', { class: 'fc-warn__empty', text: t('warnings.detail.noHistory') }));
  }

  function deviceView({ label, messages }) {
    title.textContent = `${t('warnings.detail.messagesTitle')} · ${label}`;
    if (messages.length === 0) {
      body.replaceChildren(el('p', { class: 'fc-warn__empty', attrs: { id: 'messages-empty' }, text: t('warnings.detail.noMessages') }));
      return;
    }
    const rows = messages.map((m) => el('tr', { data: { messageId: m.id } },
      el('td', { text: clock(m.receivedAt) }),
      el('td', { text: named('messageKind', m.kind) }),
      el('td', { text: [named('messageType', m.type), m.text].filter((s) => s).join(' · ') }),
      el('td', { text: m.component ?? '' }),
      el('td', { text: reading(m.value, m.unit) })));
    body.replaceChildren(table(['warnings.detail.received', 'warnings.detail.kind', 'warnings.detail.messageType',
      'warnings.detail.component', 'warnings.detail.value'], rows));
  }

  function draw() {
    if (!subject?.data) return;
    if (subject.kind === 'alarm') alarmView(subject.data);
    else deviceView(subject.data);
  }

  /** Loads and shows a subject; `quiet` refreshes the one on show without the loading line. */
  async function show(kind, id, heading, load, quiet = false) {
    const mine = { kind, id, data: quiet ? subject?.data : null };
    subject = mine;
    drawer.dataset.kind = kind;
    drawer.dataset.subject = String(id);
    if (!quiet) {
      title.textContent = heading;
      body.replaceChildren(el('p', { class: 'fc-warn__empty', text: t('warnings.detail.loading') }));
    }
    drawer.hidden = false;
    try {
      const data = await load();
      if (subject !== mine) return; // the user moved on
      mine.data = data;
      draw();
    } catch (error) {
      if (subject !== mine) return;
      body.replaceChildren(el('p', { class: 'fc-warn__error', attrs: { role: 'alert' }, text: t('warnings.detail.failed', { reason: failure(error) }) }));
    }
  }

  onLanguageChange(draw);

  return {
    openAlarm(id, quiet = false) {
      return show('alarm', id, t('warnings.detail.alarmTitle', { id }), () => api.get(`/api/sensing/alarms/${id}`), quiet);
    },
    openDevice(id, label, quiet = false) {
      return show('device', id, t('warnings.detail.messagesTitle'), async () =>
        ({ label, messages: await api.get(`/api/sensing/devices/${id}/messages?limit=200`) }), quiet);
    },
    /** A pushed change of what is on show reloads it (the push carries the alarm, not its history or messages). */
    changed(alarm) {
      if (drawer.hidden || !subject) return;
      if (subject.kind === 'alarm' && subject.id === alarm.id) this.openAlarm(alarm.id, true);
      if (subject.kind === 'device' && subject.id === alarm.deviceId) this.openDevice(alarm.deviceId, subject.data?.label ?? alarm.deviceKey, true);
    },
  };
}
