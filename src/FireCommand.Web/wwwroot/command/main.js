// The command view of one incident (指挥视图, /incident.html?id=N): a map centred on the incident with
// the routes of the units on their way and where they are now (live), the nearest water by road, the
// key place with its own plan and the risk places around; beside it the incident, its units with
// their timers, escalation and reinforcement (raise the level → the added slots → dispatch), and the
// timeline. Read-only roles see it all without the action buttons.

import { initI18n, t, onLanguageChange, formatNumber } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { connectLive, onLive } from '../shared/live.js';
import { el, button, debounce } from '../dispatch/dom.js';
import { clock, levelBadge, statePill, typeText, subtypeText } from '../dispatch/format.js';
import { syncClock, serverNow } from '../dispatch/clock.js';
import { createStore } from '../dispatch/store.js';
import { incidentTimers } from '../dispatch/timers.js';
import { timerChip, updateTimerChip } from '../dispatch/timer-chip.js';
import { createAssignedUnits } from '../dispatch/assigned-units.js';
import { createRecommendationPanel } from '../dispatch/recommendation.js';
import { createTimeline } from '../dispatch/timeline.js';
import { mountLiveStatus } from '../dispatch/live-status.js';
import * as actions from '../dispatch/actions.js';
import { incidentFromWire, unitFromWire } from '../dispatch/wire.js';
import { createIncidentMap } from './incident-map.js';
import { unitMapName } from './unit-labels.js';
import { renderWater, renderKeyPlace, renderNearby } from './places.js';
import { createIncidentSensing } from '../dispatch/incident-sensing.js';

const DISPATCH_ROLES = ['Admin', 'Commander', 'Dispatcher'];
const MOVING = new Set([20, 21]);
const AT_SCENE = new Set([22, 23, 24, 27]);
const TIMER_KEYS = { callProcessing: 'CallProcessing', turnout: 'Turnout', travel: 'Travel', total: 'Total' };

/** A page of its own for an incident that cannot be shown: one message, one way back, no empty panels. */
function fail(message) {
  const main = document.querySelector('.fc-command__main');
  main.replaceChildren(el('section', { class: 'fc-command__card fc-command__failed', attrs: { id: 'command-failed' } },
    el('h1', { class: 'fc-command__failed-title', text: t('command.unavailableTitle') }),
    el('p', { class: 'fc-note fc-note--error', attrs: { role: 'alert', id: 'command-error' }, text: message }),
    el('a', { class: 'fc-btn fc-btn--primary', attrs: { href: '/console.html' }, text: t('command.back') })));
  main.classList.add('is-failed');
  for (const id of ['live-banner', 'live-indicator']) {
    const node = document.getElementById(id);
    if (node) node.hidden = true;
  }
  document.body.dataset.commandReady = 'failed';
}

async function start() {
  await initI18n();
  const user = await requireUser();
  mountHeader(user, 'console');
  const canDispatch = DISPATCH_ROLES.some((r) => (user.roles ?? []).includes(r));
  document.body.dataset.canDispatch = String(canDispatch);

  const id = Number(new URL(location.href).searchParams.get('id'));
  if (!Number.isInteger(id) || id <= 0) {
    fail(t('command.noId'));
    return;
  }
  await syncClock();
  const store = createStore();
  const map = createIncidentMap(document.getElementById('command-map'), {
    nameOf: (u) => unitMapName(u, store.stations.get(u.homeStationId)?.name),
  });
  let incident;
  try {
    await Promise.all([store.loadReference(), store.loadUnits()]);
    incident = await store.refreshIncident(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) fail(t('command.notFound', { id }));
    else throw error;
    return;
  }
  store.select(id);
  // Only an incident that is shown has a live channel to report on.
  mountLiveStatus(document.getElementById('live-indicator'), document.getElementById('live-banner'));

  const summary = document.getElementById('command-summary');
  const unitsTitle = document.getElementById('units-title');
  const assigned = createAssignedUnits(document.getElementById('assigned-units'), store, {
    onUnitClick: (unitId) => {
      const u = store.units.get(unitId);
      if (u) map.focus(u.latitude, u.longitude);
    },
  });
  const recommendation = createRecommendationPanel(document.getElementById('recommendation'), {
    canDispatch,
    idPrefix: 'rec',
    onDispatched: (view) => { store.applyIncident(view); refreshRoutes(); },
  });
  const timeline = createTimeline(document.getElementById('timeline'), { idPrefix: 'timeline' });
  // The place card is on this page: the alarm's place links to it.
  const sensing = createIncidentSensing(document.getElementById('incident-sensing'), { placeLink: () => '#key-place' });
  const chips = {};
  let notice = null;
  let water = null;
  let surroundings = null;

  function renderSummary() {
    const i = incident;
    const type = [typeText(i.type), subtypeText(i.subtype)].filter(Boolean).join(' · ');
    const readings = incidentTimers(i, serverNow());
    const timers = el('div', { class: 'fc-detail__timers' }, ...Object.entries(TIMER_KEYS).map(([key, kind]) => {
      chips[key] = timerChip(kind, readings[key], { id: `incident-timer-${key}` });
      return chips[key];
    }));
    const people = [
      i.trapped ? t('dispatch.trapped', { count: i.trapped }) : null,
      i.injured ? t('dispatch.injured', { count: i.injured }) : null,
      i.deaths ? t('dispatch.deaths', { count: i.deaths }) : null,
    ].filter(Boolean);
    const actionsBar = el('div', { class: 'fc-detail__actions' });
    if (canDispatch && i.state !== 'Closed') {
      actionsBar.append(
        button(t('command.escalate'), {
          class: 'fc-btn fc-btn--primary', attrs: { id: 'action-escalate', disabled: i.fireLevel >= 5 },
          on: { click: async () => {
            const view = await actions.escalate(incident);
            if (!view) return;
            incident = store.applyIncident(view);
            notice = t('dispatch.actions.escalated', { level: view.fireLevel });
            render();
            await recommendation.load(id);
            document.getElementById('reinforce-card').scrollIntoView({ block: 'start', behavior: 'smooth' });
            recommendation.focusDispatch();
          } },
        }),
        button(t('command.reinforceButton'), {
          class: 'fc-btn', attrs: { id: 'action-reinforce' },
          on: { click: async () => {
            await recommendation.load(id);
            document.getElementById('reinforce-card').scrollIntoView({ block: 'start', behavior: 'smooth' });
          } },
        }));
    }
    actionsBar.append(el('a', { class: 'fc-btn fc-btn--ghost', attrs: { href: `/console.html?incident=${id}` }, text: t('command.toConsole') }));
    summary.replaceChildren(...[
      el('div', { class: 'fc-detail__title' },
        levelBadge(i.fireLevel, 'fc-level--big'),
        el('span', { class: 'fc-detail__number', attrs: { id: 'incident-number' }, text: i.number }),
        el('span', { class: 'fc-detail__type', text: type }),
        statePill(i.state)),
      el('div', { class: 'fc-detail__address', attrs: { id: 'incident-address' }, text: i.address || t('console.queue.noAddress') }),
      el('div', { class: 'fc-detail__facts' },
        el('span', { text: t('dispatch.receivedAt', { time: clock(i.receivedAt) }) }),
        store.jurisdictions.get(i.jurisdictionId) ? el('span', { text: store.jurisdictions.get(i.jurisdictionId).name }) : null,
        people.length ? el('span', { class: 'fc-chip fc-chip--warn', text: people.join(' · ') }) : null),
      i.description ? el('p', { class: 'fc-detail__description', text: i.description }) : null,
      timers,
      notice ? el('p', { class: 'fc-note fc-note--info', attrs: { role: 'status' }, text: notice }) : null,
      i.state === 'Closed' ? el('p', { class: 'fc-note fc-note--warn', text: t('command.closed', { outcome: i.outcome ?? '' }) }) : null,
      actionsBar].filter(Boolean));
  }

  // Where each unit on its way is now (its route's start): a unit of another jurisdiction is not in
  // this user's unit list, and this is what is known of it besides its assignment.
  let routeStarts = new Map();

  /** The units on the incident; one of another jurisdiction is made of its assignment and its route. */
  function assignedUnits() {
    const seen = new Set();
    return (incident.assignments ?? []).filter((a) => !a.clearedAt && !seen.has(a.unitId) && seen.add(a.unitId))
      .map((a) => store.units.get(a.unitId) ?? {
        id: a.unitId, callSign: a.callSign, status: a.unitStatus, homeStationId: null,
        ...(routeStarts.get(a.unitId) ?? (AT_SCENE.has(a.unitStatus)
          ? { latitude: incident.latitude, longitude: incident.longitude } : { latitude: NaN, longitude: NaN })),
      });
  }

  function render() {
    document.title = `${incident.number} · ${t('command.pageTitle')}`;
    renderSummary();
    sensing.show(incident);
    unitsTitle.textContent = t('console.incident.units', { count: formatNumber(assignedUnits().length) });
    assigned.show(incident);
    timeline.show(incident, store.levelChangesOf(id));
    map.setIncident(incident);
    map.setUnits(assignedUnits());
    renderWater(document.getElementById('water-sources'), water, { onFocus: map.focus });
    renderKeyPlace(document.getElementById('key-place'), surroundings, incident);
    renderNearby(document.getElementById('nearby-places'), surroundings, { onFocus: map.focus });
    renderStatus();
  }

  let routesState = 'loading';
  let updatedAt = null;
  function renderStatus() {
    const parts = [
      routesState === 'failed' ? t('command.map.routesFailed') : t('command.map.routes', { count: map.routeCount }),
      water ? t('command.map.waterCount', { count: water.length }) : null,
      updatedAt ? t('command.map.updated', { time: clock(new Date(updatedAt).toISOString()) }) : null,
    ];
    document.getElementById('command-status').textContent = parts.filter(Boolean).join(' · ');
  }

  async function refreshRoutes() {
    try {
      const routes = await api.get(`/api/incidents/${id}/routes`);
      map.setRoutes(routes);
      routeStarts = new Map((routes?.features ?? []).filter((f) => f.geometry?.coordinates?.length)
        .map((f) => [f.properties?.unitId, { latitude: f.geometry.coordinates[0][1], longitude: f.geometry.coordinates[0][0] }]));
      map.setUnits(assignedUnits());
      routesState = 'loaded';
    } catch (error) {
      console.warn('routes unavailable', error);
      routesState = 'failed';
      map.setRoutes(null);
    }
    updatedAt = serverNow();
    renderStatus();
  }
  const refreshRoutesSoon = debounce(refreshRoutes, 800);

  async function loadSurroundings() {
    const [w, s] = await Promise.allSettled([
      api.get(`/api/incidents/${id}/water-sources?count=5`),
      api.get(`/api/incidents/${id}/surroundings?radiusMeters=1500`),
    ]);
    water = w.status === 'fulfilled' ? w.value : null;
    surroundings = s.status === 'fulfilled' ? s.value : undefined;
    map.setWater(water ?? []);
    map.setPlaces(surroundings?.nearbyKeyPlaces ?? []);
  }

  render();
  await Promise.all([refreshRoutes(), loadSurroundings(), incident.state !== 'Closed' ? recommendation.load(id) : null]);
  map.setUnits(assignedUnits());
  map.fit();
  render();

  // Live: this incident and its units.
  onLive('incidentChanged', (raw) => {
    if (raw.id !== id) return;
    const view = incidentFromWire(raw);
    const before = incident.assignments?.length ?? 0;
    incident = store.applyIncident(view);
    render();
    recommendation.noteIncident(incident);
    if ((view.assignments?.length ?? 0) !== before) refreshRoutesSoon();
  });
  onLive('unitChanged', (raw) => {
    const view = unitFromWire(raw);
    const previous = store.units.get(view.id);
    const unit = store.applyUnit(view);
    const mine = (incident.assignments ?? []).some((a) => a.unitId === view.id && !a.clearedAt);
    if (!mine) return;
    incident = store.incidents.get(id) ?? incident;
    map.setUnits(assignedUnits());
    if (previous?.status !== unit.status) { assigned.show(incident); refreshRoutesSoon(); }
  });
  onLive('resync', async () => {
    await store.loadUnits();
    incident = await store.refreshIncident(id);
    await Promise.all([refreshRoutes(), loadSurroundings()]);
    render();
  });
  connectLive().catch((error) => console.warn(error));

  // Units move: their routes are from where they are now. Refresh while any is on its way.
  setInterval(() => {
    if (assignedUnits().some((u) => MOVING.has(u.status))) refreshRoutes();
  }, 15_000);
  setInterval(() => {
    const readings = incidentTimers(incident, serverNow());
    for (const [key, chip] of Object.entries(chips)) updateTimerChip(chip, readings[key]);
    assigned.tick();
  }, 1000);
  onLanguageChange(render);
  document.body.dataset.commandReady = 'true';
}

start().catch((error) => {
  document.documentElement.classList.remove('fc-i18n-pending');
  if (error instanceof ApiError && error.status === 401) {
    location.replace(loginUrl());
    return;
  }
  console.error(error);
  fail(error instanceof ApiError ? t('command.loadFailed', { status: error.status }) : String(error));
});
