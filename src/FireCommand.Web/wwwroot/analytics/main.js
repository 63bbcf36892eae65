// The overview dashboard (态势总览): the period's incidents and response times against the
// standards (GET /api/analytics/overview), coverage now (GET /api/map/coverage/summary) and units by status
// now (GET /api/units, then live from the dispatch hub). Nothing is polled: the hub says when a unit
// or an incident changed and only then is the affected figure fetched again (at most every few
// seconds); a reconnect fetches everything once, since changes may have been missed meanwhile.
// Each source fails alone: a card whose data cannot be fetched says so, the others still show.

import { initI18n, t, onLanguageChange } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { connectLive, onLive } from '../shared/live.js';
import { createChartCard } from './chart-card.js';
import { dayKey } from './format.js';
import { createKpis } from './kpis.js';
import { incidentMatrix, incidentsByDayChart } from './incidents-by-day.js';
import { INTERVALS, responseTimeChart } from './response-times.js';
import { AVAILABLE_STATUSES, unitStatusSummary, unitsByStatusChart } from './units-by-status.js';
import { coverageChart } from './coverage.js';
import { corpsClock } from '../shared/corps-time.js';

const COVERAGE_MINUTES = 5;
const COVERAGE_REFRESH_MS = 10_000; // as on the map: at most one re-computation per 10 s
const OVERVIEW_REFRESH_MS = 30_000; // history after incident changes: a busy hour costs one request per 30 s
const DAY_CHECK_MS = 60_000; // a local clock check, no request: the corps' new day adds a day to the chart
const PERIODS = Object.freeze([7, 30]);
const PERIOD_KEY = 'firecommand.dashboard.days';

function storedPeriod() {
  try {
    const days = Number(localStorage.getItem(PERIOD_KEY));
    return PERIODS.includes(days) ? days : 30;
  } catch {
    return 30;
  }
}

function failureOf(error) {
  if (error instanceof ApiError && error.status === 401) {
    location.replace(loginUrl());
    return null;
  }
  console.error(error);
  return error instanceof ApiError
    ? { key: 'dashboard.unavailable', params: { status: error.status } }
    : { key: 'dashboard.unreachable' };
}

/** Runs `fn` at most once per `ms`; requests in between collapse into one trailing run. */
function throttle(fn, ms) {
  let last = 0;
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      fn();
    }, Math.max(0, last + ms - Date.now()));
  };
}

function mountPeriod(element, days, onChange) {
  const render = () => {
    element.replaceChildren(...PERIODS.map((d) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('dashboard.periodDays', { days: d });
      button.setAttribute('aria-pressed', String(d === days));
      button.addEventListener('click', () => {
        if (d === days) return;
        days = d;
        try {
          localStorage.setItem(PERIOD_KEY, String(d));
        } catch {
          // not persisted; the choice still applies
        }
        render();
        onChange(d);
      });
      return button;
    }));
    element.setAttribute('aria-label', t('dashboard.period'));
  };
  render();
  onLanguageChange(render);
}

async function start() {
  await initI18n();
  const user = await requireUser();
  mountHeader(user, 'dashboard');

  let days = storedPeriod();
  const kpis = createKpis(document.getElementById('kpis'));
  const incidentsCard = createChartCard(document.getElementById('row-main'), incidentsByDayChart);
  const unitsCard = createChartCard(document.getElementById('row-main'), unitsByStatusChart);
  const coverageCard = createChartCard(document.getElementById('row-main'), coverageChart);
  const timeCards = new Map(INTERVALS.map((interval) =>
    [interval, createChartCard(document.getElementById('row-times'), responseTimeChart(interval))]));

  const updated = document.getElementById('dashboard-updated');
  let updatedAt = null;
  const renderUpdated = () => {
    updated.textContent = updatedAt
      ? t('dashboard.updatedAt', { time: corpsClock(updatedAt, document.documentElement.lang) })
      : '';
  };
  onLanguageChange(renderUpdated);
  const touch = () => {
    updatedAt = new Date();
    renderUpdated();
  };

  let overview = null;
  let overviewDay = null; // the corps' day the overview was fetched on
  let asked = 0; // the newest request wins: a period switched twice quickly shows the last choice
  async function loadOverview() {
    const period = days;
    const request = ++asked;
    let answer;
    try {
      answer = await api.get(`/api/analytics/overview?days=${period}`);
    } catch (error) {
      const failure = failureOf(error);
      if (!failure) return;
      // Keep the last good picture on a failed refresh; say so only when there is none.
      if (!overview) {
        for (const card of [incidentsCard, ...timeCards.values()]) card.setFailure(failure.key, failure.params);
      }
      return;
    }
    if (request !== asked) return;
    overview = answer;
    overviewDay = dayKey(new Date(), overview.timeZone);
    const matrix = incidentMatrix(overview, period);
    incidentsCard.setData(matrix);
    for (const [interval, card] of timeCards) {
      const entry = (overview.responseTimes ?? []).find((r) => r.interval === interval);
      if (entry) card.setData(entry);
      else card.setFailure('dashboard.noData');
    }
    kpis.update({ incidents: matrix, total: (overview.responseTimes ?? []).find((r) => r.interval === 'Total') });
    // The units list is the live source; the overview's own counts stand in when it cannot be read.
    if (!unitsCard.data && overview.unitsByStatus) showUnits(unitStatusSummary(overview.unitsByStatus));
    if (!coverageCard.data && overview.coverage) {
      showCoverage({ minutes: overview.coverage.minutes, population: overview.coverage.coveredPopulationShare, road: NaN, availableUnits: NaN });
    }
    touch();
  }

  function showUnits(summary) {
    unitsCard.setData(summary);
    kpis.update({ units: summary });
  }
  function showCoverage(coverage) {
    coverageCard.setData(coverage);
    kpis.update({ coverage });
  }

  const unitStatus = new Map(); // unit id → status code, kept live
  const summariseUnits = () => unitStatusSummary([...unitStatus.values()].map((status) => ({ status, count: 1 })));
  async function loadUnits() {
    try {
      const units = await api.get('/api/units');
      unitStatus.clear();
      for (const u of units) unitStatus.set(u.id, u.status);
      showUnits(summariseUnits());
      touch();
    } catch (error) {
      const failure = failureOf(error);
      if (failure && !unitsCard.data) unitsCard.setFailure(failure.key, failure.params);
    }
  }

  async function loadCoverage() {
    try {
      const c = await api.get(`/api/map/coverage/summary?minutes=${COVERAGE_MINUTES}`);
      showCoverage({ minutes: c.minutes, population: c.coveredPopulationShare, road: c.coveredRoadShare, availableUnits: c.availableUnits });
      touch();
    } catch (error) {
      const failure = failureOf(error);
      if (failure && !coverageCard.data) coverageCard.setFailure(failure.key, failure.params);
    }
  }

  // Units and coverage live: a status change recolours the bars at once (one render per frame);
  // a unit becoming available or busy re-computes coverage, at most every 10 s.
  const refreshCoverage = throttle(loadCoverage, COVERAGE_REFRESH_MS);
  let frame = 0;
  onLive('unitChanged', (view) => {
    if (view?.id == null || unitStatus.get(view.id) === view.status) return;
    const before = unitStatus.get(view.id);
    unitStatus.set(view.id, view.status);
    if (AVAILABLE_STATUSES.includes(before) !== AVAILABLE_STATUSES.includes(view.status)) refreshCoverage();
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      showUnits(summariseUnits());
      touch();
    });
  });
  // A new or changed incident moves the history: the counts, and the response times once it closes.
  onLive('incidentChanged', throttle(loadOverview, OVERVIEW_REFRESH_MS));
  onLive('resync', () => Promise.all([loadOverview(), loadUnits(), loadCoverage()]));

  mountPeriod(document.getElementById('dashboard-period'), days, (next) => {
    days = next;
    loadOverview();
  });

  // Connect before the first fetch, so no change falls between the snapshot and the first event.
  connectLive().catch((error) => console.warn('live channel unavailable', error));
  // The overview first fills its cards; units and coverage then replace its stand-in figures.
  await Promise.all([loadOverview(), loadUnits(), loadCoverage()]);
  setInterval(() => {
    if (overview && dayKey(new Date(), overview.timeZone) !== overviewDay) loadOverview();
  }, DAY_CHECK_MS);
  document.body.dataset.dashboardReady = 'true';
}

start().catch((error) => {
  document.documentElement.classList.remove('fc-i18n-pending');
  console.error(error);
  const banner = document.getElementById('dashboard-banner');
  if (banner) {
    banner.textContent = error instanceof ApiError ? t('dashboard.loadFailed', { status: error.status }) : String(error);
    banner.hidden = false;
  }
});
