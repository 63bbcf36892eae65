// The early-warning board (预警中心, /warnings.html): the caller's live sensing alarms with what can be
// done about them, the places most at risk and device health, with an alarm's history or a device's
// message log in a drawer. Alarms arrive live from the dispatch hub (sensingAlarmChanged, within the
// user's jurisdiction); risk and device health are fetched again a few seconds after alarms change and
// once a minute, since a trend and a silent device change without an alarm. A reconnect reloads all.

import { initI18n, t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { connectLive, onLive, liveState } from '../shared/live.js';
import { syncClock } from '../dispatch/clock.js';
import { el, button } from '../dispatch/dom.js';
import { createAlarmList } from './alarms.js';
import { createDetail } from './detail.js';
import { createRiskList, RISK_LIMIT } from './risk.js';
import { createHealth } from './health.js';
import { failure } from './format.js';

const ACTION_ROLES = ['Admin', 'Commander', 'Dispatcher']; // the Dispatch policy of the alarm actions
const SIDE_REFRESH_MS = 5_000;
const MINUTE_MS = 60_000;
const ALARM_LIMIT = 200;

/** Runs `fn` at most once per `ms`; calls in between collapse into one trailing run. */
function throttle(fn, ms) {
  let last = 0;
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => { timer = null; last = Date.now(); fn(); }, Math.max(0, last + ms - Date.now()));
  };
}

function sessionEnded(error) {
  if (error instanceof ApiError && error.status === 401) {
    location.replace(loginUrl());
    return true;
  }
  return false;
}

async function start() {
  await initI18n();
  const user = await requireUser();
  mountHeader(user, 'warnings');
  const canAct = ACTION_ROLES.some((r) => (user.roles ?? []).includes(r));
  document.getElementById('read-only-note').hidden = canAct;
  await syncClock();

  const banner = document.getElementById('warn-banner');
  const say = (message) => { banner.textContent = message; banner.hidden = !message; };

  const places = new Map();
  const loadPlaces = async () => {
    for (const p of await api.get('/api/key-places')) places.set(p.id, p.name);
  };
  const reloadPlaces = throttle(() => loadPlaces().then(() => alarmList.render()).catch(console.error), SIDE_REFRESH_MS);
  const placeName = (id) => {
    if (!places.has(id)) reloadPlaces();
    return places.get(id) ?? '—';
  };

  const detail = createDetail(document.getElementById('warn-detail'), { placeName });
  const alarmList = createAlarmList(document.getElementById('alarm-list'), {
    canAct,
    handlers: {
      placeName,
      act: (alarm, action) => act(alarm, action),
      open: (alarm) => detail.openAlarm(alarm.id),
      messages: (alarm) => detail.openDevice(alarm.deviceId, alarm.deviceKey),
    },
  });
  const risk = createRiskList(document.getElementById('risk-list'));
  const health = createHealth(document.getElementById('health-body'), { messages: (id, name) => detail.openDevice(id, name) });

  const summary = document.getElementById('warn-summary');
  function renderSummary() {
    const open = alarmList.values().filter((a) => !a.closedAt);
    const total = health.report?.total;
    const figures = [
      ['pending', open.filter((a) => a.state === 'PendingVerification').length, 'warn'],
      ['confirmed', open.filter((a) => a.state === 'Confirmed').length, 'alert'],
      ['open', open.length, null],
      ['devicesOnline', total ? `${formatNumber(total.online)} / ${formatNumber(total.devices)}` : '—', 'ok'],
      ['devicesUnhealthy', total ? total.devices - total.healthy : '—', 'warn'],
    ];
    // The open figures count the list as loaded; in the "recent" view they are the open ones among the recent.
    summary.replaceChildren(...figures.map(([key, value, tone]) => el('div', {
      class: ['fc-warn__figure', tone && Number(value) > 0 && `fc-warn__figure--${tone}`], data: { figure: key },
    }, el('dt', { text: t(`warnings.summary.${key}`) }), el('dd', { text: typeof value === 'number' ? formatNumber(value) : value }))));
  }
  onLanguageChange(renderSummary);

  // Pushes heard while the list is being fetched may be newer than the answer: they are applied after it.
  let heardDuringLoad = null;

  async function loadAlarms() {
    const mode = alarmList.mode;
    heardDuringLoad = [];
    try {
      const list = await api.get(`/api/sensing/alarms?state=${mode}&limit=${ALARM_LIMIT}`);
      if (mode !== alarmList.mode) return; // the filter changed meanwhile; its own request answers
      alarmList.setAll(list);
      for (const alarm of heardDuringLoad) alarmList.upsert(alarm);
      say('');
    } catch (error) {
      if (!sessionEnded(error)) say(failure(error));
    } finally {
      heardDuringLoad = null;
    }
    renderSummary();
  }

  async function loadSide() {
    const [r, h] = await Promise.allSettled([
      api.get(`/api/sensing/risk?limit=${RISK_LIMIT}`),
      api.get('/api/sensing/device-health?limit=50'),
    ]);
    if (r.status === 'fulfilled') risk.set(r.value); else if (!sessionEnded(r.reason)) risk.fail(failure(r.reason));
    if (h.status === 'fulfilled') health.set(h.value); else if (!sessionEnded(h.reason)) health.fail(failure(h.reason));
    renderSummary();
  }
  const refreshSide = throttle(loadSide, SIDE_REFRESH_MS);

  async function act(alarm, action) {
    let body = { note: null };
    if (action === 'assign') {
      const assignee = window.prompt(t('warnings.alarms.assignPrompt'), alarm.assignedTo ?? '');
      if (assignee === null) return;
      body = { assignee };
    }
    alarmList.setBusy(alarm.id, true);
    try {
      const answer = await api.post(`/api/sensing/alarms/${alarm.id}/${action}`, body);
      alarmList.upsert(answer.alarm);
      detail.changed(answer.alarm);
      say('');
    } catch (error) {
      if (!sessionEnded(error)) {
        const reason = error.problem?.errors ? Object.values(error.problem.errors).flat().join(' ') : (error.problem?.detail ?? failure(error));
        say(t('warnings.alarms.actionFailed', { reason }));
      }
    } finally {
      alarmList.setBusy(alarm.id, false);
      renderSummary();
    }
  }

  // The open / recent switch.
  const filter = document.getElementById('alarm-filter');
  const renderFilter = () => filter.replaceChildren(...['open', 'recent'].map((mode) => button(t(`warnings.alarms.${mode}`), {
    data: { mode }, attrs: { 'aria-pressed': String(mode === alarmList.mode) },
    on: { click: () => { alarmList.setMode(mode); renderFilter(); loadAlarms(); } },
  })));
  renderFilter();
  onLanguageChange(renderFilter);

  // Live: the indicator, pushed alarms, and a full reload after a reconnect.
  const indicator = document.getElementById('live-indicator');
  const showState = (state) => {
    indicator.dataset.state = state;
    indicator.textContent = t(`warnings.live.${state}`);
  };
  onLive('state', showState);
  onLanguageChange(() => showState(liveState()));
  onLive('sensingAlarmChanged', (alarm) => {
    heardDuringLoad?.push(alarm);
    alarmList.upsert(alarm);
    detail.changed(alarm);
    renderSummary();
    refreshSide();
  });
  onLive('resync', () => { loadAlarms(); loadSide(); });

  showState(liveState());
  await loadPlaces().catch((error) => { if (!sessionEnded(error)) say(failure(error)); });
  await connectLive();
  await Promise.all([loadAlarms(), loadSide()]);
  setInterval(refreshSide, MINUTE_MS);
  document.body.dataset.boardReady = 'true';
}

start().catch((error) => {
  console.error(error);
  document.documentElement.classList.remove('fc-i18n-pending');
});
