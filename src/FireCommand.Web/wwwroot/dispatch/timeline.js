// The incident timeline (处警记录): every call, the dispatch orders, each unit's en route / on scene /
// cleared times, level changes and the closure, in order, each with its clock time and the time
// since the first call. Built from the IncidentView; level raises seen live are added (the view does
// not carry the level history).

import { t, onLanguageChange } from '../shared/i18n.js';
import { el } from './dom.js';
import { clock, duration, ms, sourceText } from './format.js';

/** The events of an incident, oldest first. Pure. */
export function timelineEvents(incident, levelChanges = []) {
  const events = [];
  const add = (at, kind, text, extra = {}) => { if (at) events.push({ at, kind, text, ...extra }); };
  const alarms = incident.alarms ?? [];
  if (!alarms.length) add(incident.receivedAt, 'received', t('dispatch.timeline.received'));
  alarms.forEach((a, i) => {
    const who = [a.callerNumber, a.callerName].filter(Boolean).join(' ');
    const key = i === 0 ? 'dispatch.timeline.firstCall' : 'dispatch.timeline.nextCall';
    add(a.receivedAt, 'call', t(key, {
      source: sourceText(a.source),
      caller: who || t('dispatch.timeline.unknownCaller'),
      taker: a.takenBy ?? '',
    }), { detail: a.addressText || '' });
  });

  // One line per dispatch order (units sent together share a timestamp).
  const orders = new Map();
  for (const a of incident.assignments ?? []) {
    const key = a.dispatchedAt;
    if (!orders.has(key)) orders.set(key, []);
    orders.get(key).push(a);
  }
  for (const [at, list] of orders) {
    add(at, 'dispatch', t('dispatch.timeline.dispatched', { count: list.length }),
      { detail: list.map((a) => a.callSign).join('、') });
  }
  const firstArrival = ms(incident.firstArrivalAt);
  for (const a of incident.assignments ?? []) {
    add(a.enRouteAt, 'enroute', t('dispatch.timeline.enRoute', { unit: a.callSign }));
    const first = a.onSceneAt && ms(a.onSceneAt) === firstArrival;
    add(a.onSceneAt, 'onscene', t(first ? 'dispatch.timeline.firstOnScene' : 'dispatch.timeline.onScene', { unit: a.callSign }));
    add(a.clearedAt, 'cleared', t('dispatch.timeline.cleared', { unit: a.callSign }));
  }
  for (const change of levelChanges) {
    add(change.at, 'level', t('dispatch.timeline.levelRaised', { from: change.from, to: change.to }));
  }
  if (incident.closedAt) {
    add(incident.closedAt, 'closed', incident.mergedIntoIncidentId
      ? t('dispatch.timeline.merged')
      : t('dispatch.timeline.closed'), { detail: incident.outcome || '' });
  }
  const order = { call: 0, received: 0, dispatch: 1, enroute: 2, onscene: 3, level: 4, cleared: 5, closed: 6 };
  return events.sort((a, b) => (ms(a.at) - ms(b.at)) || (order[a.kind] - order[b.kind]));
}

export function createTimeline(root, { idPrefix = 'timeline' } = {}) {
  let incident = null;
  let changes = [];
  root.classList.add('fc-timeline');
  const list = el('ol', { class: 'fc-timeline__list', attrs: { id: `${idPrefix}-list` } });
  root.replaceChildren(list);

  function render() {
    if (!incident) {
      list.replaceChildren();
      return;
    }
    const start = ms(incident.receivedAt);
    const stick = root.scrollHeight - root.scrollTop - root.clientHeight < 24;
    list.replaceChildren(...timelineEvents(incident, changes).map((e) => el('li', {
      class: ['fc-timeline__item', `fc-timeline__item--${e.kind}`],
      data: { kind: e.kind },
    },
    el('span', { class: 'fc-timeline__time', text: clock(e.at) }),
    el('span', { class: 'fc-timeline__offset', text: `+${duration((ms(e.at) - start) / 1000)}` }),
    el('span', { class: 'fc-timeline__text' },
      el('span', { text: e.text }),
      e.detail ? el('span', { class: 'fc-timeline__detail', text: e.detail }) : null))));
    if (stick) root.scrollTop = root.scrollHeight;
  }

  onLanguageChange(render);
  return {
    show(next, levelChanges = []) {
      incident = next;
      changes = levelChanges;
      render();
    },
  };
}
