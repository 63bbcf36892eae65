// The selected incident (警情详情): what, where, level and state; its timers ticking; the actions
// (escalate, close, merge, command view); the recommendation with 全部调派; the units on it with their
// times; and the timeline. Everything follows the store, so live changes show without a reload.

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { ApiError } from '../shared/api.js';
import { el, button } from './dom.js';
import { clock, levelBadge, statePill, typeText, subtypeText, sourceText } from './format.js';
import { incidentTimers } from './timers.js';
import { serverNow } from './clock.js';
import { createRecommendationPanel } from './recommendation.js';
import { createTimeline } from './timeline.js';
import { createAssignedUnits } from './assigned-units.js';
import { createTransfers } from './transfers.js';
import { createIncidentSensing } from './incident-sensing.js';
import { timerChip, updateTimerChip } from './timer-chip.js';
import * as actions from './actions.js';

const TIMER_KEYS = ['callProcessing', 'turnout', 'travel', 'total'];


const KIND = { callProcessing: 'CallProcessing', turnout: 'Turnout', travel: 'Travel', total: 'Total' };

export function createIncidentPanel(root, store, { canDispatch, onSelect }) {
  let current = null;
  let loadedRecommendationFor = null;

  const head = el('header', { class: 'fc-detail__head' });
  const timers = el('div', { class: 'fc-detail__timers', attrs: { 'aria-label': t('dispatch.timer.label') } });
  const actionBar = el('div', { class: 'fc-detail__actions' });
  const notice = el('p', { class: 'fc-note', attrs: { role: 'status', id: 'incident-notice' }, hidden: true });
  const recTitle = el('h3', { class: 'fc-section__title' });
  const recBox = el('div', { attrs: { id: 'recommendation' } });
  const unitsTitle = el('h3', { class: 'fc-section__title' });
  const unitsBox = el('div', { attrs: { id: 'assigned-units' } });
  const timelineTitle = el('h3', { class: 'fc-section__title' });
  const timelineBox = el('div', { attrs: { id: 'timeline' } });
  const empty = el('p', { class: 'fc-empty fc-detail__empty' });
  // Left: what to send and what was sent; right: the timeline, full height.
  // An automatic alarm's incident says first where in the building it burns and how it was confirmed.
  const sensingBox = el('section', { class: 'fc-section fc-detail__sensing', attrs: { id: 'incident-sensing' }, hidden: true });
  const work = el('div', { class: 'fc-detail__work' },
    sensingBox,
    el('section', { class: 'fc-section fc-detail__rec' }, recTitle, recBox),
    el('section', { class: 'fc-section fc-detail__units' }, unitsTitle, unitsBox),
    el('section', { class: 'fc-section fc-detail__transfers', attrs: { id: 'transfers' } }));
  const body = el('div', { class: 'fc-detail__body' },
    work,
    el('section', { class: 'fc-section fc-detail__timeline' }, timelineTitle, timelineBox));
  root.replaceChildren(empty, el('div', { class: 'fc-detail__top' }, head, timers, actionBar), notice, body);

  const recommendation = createRecommendationPanel(recBox, {
    canDispatch,
    idPrefix: 'rec',
    onDispatched: (view) => {
      store.applyIncident(view);
      work.scrollTop = 0; // the order's confirmation and the units sent are at the top
    },
  });
  const timeline = createTimeline(timelineBox, { idPrefix: 'timeline' });
  const assigned = createAssignedUnits(unitsBox, store);
  const renderUnits = () => assigned.show(current);
  const transfers = createTransfers(work.querySelector('#transfers'), { canDispatch });
  const sensing = createIncidentSensing(sensingBox, {
    placeLink: (id) => `/incident.html?id=${encodeURIComponent(id)}#key-place`,
  });

  function say(text, kind = 'info') {
    notice.textContent = text;
    notice.className = `fc-note fc-note--${kind}`;
    notice.hidden = !text;
  }

  function renderHead() {
    const i = current;
    const type = [typeText(i.type), subtypeText(i.subtype)].filter(Boolean).join(' · ');
    const jurisdiction = store.jurisdictions.get(i.jurisdictionId)?.name ?? '';
    const people = [];
    if (i.trapped) people.push(t('dispatch.trapped', { count: i.trapped }));
    if (i.injured) people.push(t('dispatch.injured', { count: i.injured }));
    if (i.deaths) people.push(t('dispatch.deaths', { count: i.deaths }));
    head.replaceChildren(
      el('div', { class: 'fc-detail__title' },
        levelBadge(i.fireLevel, 'fc-level--big'),
        el('span', { class: 'fc-detail__number', attrs: { id: 'incident-number' }, text: i.number }),
        el('span', { class: 'fc-detail__type', text: type }),
        statePill(i.state)),
      el('div', { class: 'fc-detail__where' },
        el('span', { class: 'fc-detail__address', attrs: { id: 'incident-address' }, text: i.address || t('console.queue.noAddress') }),
        jurisdiction ? el('span', { class: 'fc-detail__jurisdiction', text: jurisdiction }) : null),
      el('div', { class: 'fc-detail__facts' },
        el('span', { text: t('dispatch.receivedAt', { time: clock(i.receivedAt) }) }),
        i.source && i.source !== 'Call119' ? el('span', { class: 'fc-chip', attrs: { id: 'incident-source' }, text: sourceText(i.source) }) : null,
        (i.alarms?.length ?? 0) > 1 ? el('span', { class: 'fc-chip', text: t('dispatch.callers', { count: i.alarms.length }) }) : null,
        people.length ? el('span', { class: 'fc-chip fc-chip--warn', text: people.join(' · ') }) : null,
        i.description ? el('span', { class: 'fc-detail__description', text: i.description, title: i.description }) : null));
  }

  function renderActions() {
    const i = current;
    const link = el('a', {
      class: 'fc-btn fc-btn--ghost',
      attrs: { href: `/incident.html?id=${encodeURIComponent(i.id)}`, target: '_blank', rel: 'noopener', id: 'open-command-view' },
      text: t('console.incident.commandView'),
    });
    if (!canDispatch) {
      actionBar.replaceChildren(link);
      return;
    }
    const closed = i.state === 'Closed';
    actionBar.replaceChildren(
      button(t('dispatch.actions.escalate'), {
        class: 'fc-btn', attrs: { id: 'action-escalate', disabled: closed || i.fireLevel >= 5 },
        on: { click: async () => {
          const view = await actions.escalate(i);
          if (!view) return;
          store.applyIncident(view);
          say(t('dispatch.actions.escalated', { level: view.fireLevel }));
          await recommendation.load(view.id);
          recommendation.focusDispatch();
        } },
      }),
      button(t('dispatch.actions.merge'), {
        class: 'fc-btn', attrs: { id: 'action-merge', disabled: closed },
        on: { click: async () => {
          const target = await actions.merge(i, store.openIncidents());
          if (!target) return;
          store.applyIncident(target);
          store.refreshIncident(i.id).catch(() => {});
          onSelect(target.id);
          say(t('dispatch.actions.merged', { from: i.number, into: target.number }));
        } },
      }),
      button(t('dispatch.actions.releaseAll'), {
        class: 'fc-btn', attrs: { id: 'action-release-all', disabled: closed || actions.activeUnits(i, store.units).length === 0 },
        on: { click: async () => {
          const view = await actions.releaseAll(i, store.units);
          if (!view) return;
          store.applyIncident(view);
          say(t('dispatch.actions.released', { number: view.number }));
        } },
      }),
      button(t('dispatch.actions.close'), {
        class: 'fc-btn', attrs: { id: 'action-close', disabled: closed },
        on: { click: async () => {
          const view = await actions.close(i, store.units);
          if (!view) return;
          store.applyIncident(view);
          say(t('dispatch.actions.closed', { number: view.number }));
        } },
      }),
      link);
  }

  const timerChips = {};
  function renderTimers() {
    const readings = incidentTimers(current, serverNow());
    timers.replaceChildren(...TIMER_KEYS.map((key) => {
      timerChips[key] = timerChip(KIND[key], readings[key], { id: `incident-timer-${key}` });
      return timerChips[key];
    }));
  }

  function tick() {
    if (!current) return;
    const now = serverNow();
    const readings = incidentTimers(current, now);
    for (const key of TIMER_KEYS) if (timerChips[key]) updateTimerChip(timerChips[key], readings[key]);
    assigned.tick();
  }

  function renderTitles() {
    recTitle.textContent = t('console.incident.recommendation');
    unitsTitle.textContent = t('console.incident.units', { count: formatNumber((current?.assignments ?? []).filter((a) => !a.clearedAt).length) });
    timelineTitle.textContent = t('console.incident.timeline');
    empty.textContent = t('console.incident.none');
  }

  function render() {
    root.dataset.incidentId = current?.id ?? '';
    empty.hidden = Boolean(current);
    for (const part of [head, timers, actionBar, body]) part.hidden = !current;
    renderTitles();
    sensing.show(current);
    if (!current) return;
    renderHead();
    renderTimers();
    renderActions();
    renderUnits();
    timeline.show(current, store.levelChangesOf(current.id));
    transfers.show(current);
  }

  let showSeq = 0;
  async function show(id) {
    const seq = ++showSeq;
    const changed = id !== current?.id;
    current = store.incidents.get(id) ?? null;
    if (changed) say('');
    render();
    if (changed) work.scrollTop = 0;
    if (!current) {
      recommendation.clear();
      loadedRecommendationFor = null;
      return;
    }
    // The recommendation panel forgets the previous incident's list at once, before any await.
    let recommendationLoaded = null;
    if (changed || loadedRecommendationFor !== id) {
      loadedRecommendationFor = id;
      if (current.state !== 'Closed') recommendationLoaded = recommendation.load(id);
      else recommendation.clear();
    }
    if (!current.detailLoaded) {
      try {
        const fresh = await store.refreshIncident(id);
        // Another incident was selected meanwhile: this answer is not for the panel any more.
        if (seq !== showSeq || current?.id !== id) return;
        current = fresh;
      } catch (error) {
        if (seq !== showSeq) return;
        say(error instanceof ApiError && error.status === 404 ? t('console.incident.gone') : t('console.incident.loadFailed'), 'error');
      }
    }
    await recommendationLoaded;
  }

  // The last unit released: the dispatcher records the outcome now, while it is fresh.
  let outcomeAskedFor = null;
  function askOutcomeWhenLastUnitClears(incident, previous) {
    if (!canDispatch || incident.state === 'Closed' || outcomeAskedFor === incident.id || document.querySelector('dialog[open]')) return;
    const open = (x) => (x?.assignments ?? []).filter((a) => !a.clearedAt).length;
    if (!previous || open(previous) === 0 || open(incident) > 0) return;
    outcomeAskedFor = incident.id;
    actions.close(incident, store.units).then((view) => {
      if (!view) return;
      store.applyIncident(view);
      say(t('dispatch.actions.closed', { number: view.number }));
    });
  }

  store.on('incident', ({ id, incident, previous }) => {
    if (!current || id !== current.id) return;
    askOutcomeWhenLastUnitClears(incident, previous);
    const levelUp = previous && incident.fireLevel > previous.fireLevel;
    const unitsChanged = previous && (previous.assignments?.length ?? 0) !== (incident.assignments?.length ?? 0);
    current = incident;
    render();
    recommendation.noteIncident(incident);
    // Someone else escalated or dispatched: the plan's outstanding slots changed.
    if ((levelUp || unitsChanged) && incident.state !== 'Closed') recommendation.load(id, { keepMessage: true });
    if (incident.state === 'Closed') recommendation.clear();
  });
  store.on('unit', ({ unit, previous }) => {
    if (current && unit.incidentId === current.id && previous?.status !== unit.status) renderUnits();
    // A unit the recommendation names went busy elsewhere: refresh, so 全部调派 does not hit a 409.
    if (current && previous && previous.status !== unit.status && recommendation.incidentId === current.id
      && root.querySelector(`.fc-rec__unit[data-unit-id="${unit.id}"]`) && unit.incidentId !== current.id) {
      recommendation.load(current.id, { keepMessage: true });
    }
  });
  onLanguageChange(render);
  setInterval(tick, 1000);
  render();

  return {
    show,
    get current() { return current; },
    recommendation,
    dispatchAll: () => recommendation.dispatch(),
    focusDispatch: () => recommendation.focusDispatch(),
  };
}
