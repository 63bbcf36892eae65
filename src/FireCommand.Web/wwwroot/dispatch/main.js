// The dispatcher console (接处警台): the incident queue on the left, the work area in the middle (the
// intake form, or the selected incident with its recommendation, units and timeline), the unit
// status board on the right. One screen, no reloads: the live channel keeps everything current and
// a reconnect reloads it all. Viewers and inspectors see everything read-only.

import { initI18n, t, onLanguageChange } from '../shared/i18n.js';
import { ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { connectLive, onLive } from '../shared/live.js';
import { el } from './dom.js';
import { duration } from './format.js';
import { syncClock, serverNow } from './clock.js';
import { corpsClock } from '../shared/corps-time.js';
import { createStore } from './store.js';
import { createQueue } from './queue.js';
import { createUnitBoard } from './unit-board.js';
import { createIncidentPanel } from './incident-panel.js';
import { mountLiveStatus } from './live-status.js';
import { incidentFromWire, unitFromWire, timerAlertFromWire } from './wire.js';

const DISPATCH_ROLES = ['Admin', 'Commander', 'Dispatcher'];
const STATUS_ROLES = [...DISPATCH_ROLES, 'StationOfficer'];

// Toasts on screen, each with its text in the current language: a language switch redoes them.
const toastTexts = new Map();
onLanguageChange(() => { for (const [item, textOf] of toastTexts) item.textContent = textOf(); });

/** A passing message; `textOf` gives its text in the current language. */
function toast(region, textOf, kind = 'alert') {
  const item = el('p', { class: ['fc-toast', `fc-toast--${kind}`], text: textOf() });
  const drop = (node) => { toastTexts.delete(node); node.remove(); };
  toastTexts.set(item, textOf);
  region.append(item);
  setTimeout(() => drop(item), 8000);
  while (region.childElementCount > 3) drop(region.firstElementChild);
}

async function start() {
  await initI18n();
  const user = await requireUser();
  mountHeader(user, 'console');
  const roles = new Set(user.roles ?? []);
  const canDispatch = DISPATCH_ROLES.some((r) => roles.has(r));
  const canChangeStatus = STATUS_ROLES.some((r) => roles.has(r));
  document.body.dataset.canDispatch = String(canDispatch);
  await syncClock();

  const store = createStore();
  const work = document.getElementById('work');
  const tabIntake = document.getElementById('tab-intake');
  const tabIncident = document.getElementById('tab-incident');
  const intakeView = document.getElementById('intake-view');
  const incidentView = document.getElementById('incident-view');
  const readOnly = document.getElementById('read-only-note');
  const toasts = document.getElementById('toasts');

  readOnly.hidden = canDispatch;
  // The footer's key list: only the keys this user can use.
  const keys = document.querySelector('.fc-console__keys');
  if (!canDispatch) keys.dataset.i18n = canChangeStatus ? 'console.keysStatus' : 'console.keysReadOnly';
  keys.textContent = t(keys.dataset.i18n);
  readOnly.textContent = canChangeStatus ? t('console.readOnlyStatus') : t('console.readOnly');
  onLanguageChange(() => { readOnly.textContent = canChangeStatus ? t('console.readOnlyStatus') : t('console.readOnly'); });

  await store.loadReference();

  let intake = null;
  const panel = createIncidentPanel(incidentView, store, { canDispatch, onSelect: (id) => select(id) });

  function setMode(mode) {
    work.dataset.mode = mode;
    intakeView.hidden = mode !== 'intake';
    incidentView.hidden = mode !== 'incident';
    tabIntake.setAttribute('aria-selected', String(mode === 'intake'));
    tabIncident.setAttribute('aria-selected', String(mode === 'incident'));
    if (mode === 'intake') intake?.show();
  }

  function select(id, { focusDispatch = false } = {}) {
    store.select(id);
    setMode('incident');
    const url = new URL(location.href);
    url.searchParams.set('incident', String(id));
    history.replaceState(null, '', url);
    return panel.show(id).then(() => { if (focusDispatch) panel.focusDispatch(); });
  }

  const queue = createQueue(document.getElementById('queue'), store, { onOpen: (id) => select(id) });
  const board = createUnitBoard(document.getElementById('board'), store, { canChangeStatus });

  // Alt+D pressed while the alarm is still being stored: dispatch as soon as its incident is shown.
  let dispatchAfterTake = false;
  if (canDispatch) {
    const { createIntake } = await import('./intake.js');
    intake = createIntake(intakeView, store, {
      onTaken: (incident, { merged }) => {
        store.applyIncident(incident);
        toast(toasts, () => (merged ? t('console.intake.merged', { number: incident.number }) : t('console.intake.taken', { number: incident.number })), 'info');
        select(incident.id, { focusDispatch: !merged });
        if (dispatchAfterTake) { dispatchAfterTake = false; panel.dispatchAll(); }
      },
      onFailed: () => { dispatchAfterTake = false; },
    });
    tabIntake.addEventListener('click', () => { setMode('intake'); intake.focus(); });
  } else {
    tabIntake.hidden = true;
    intakeView.replaceChildren();
  }
  tabIncident.addEventListener('click', () => setMode('incident'));

  // Keyboard: Alt+N new alarm, Alt+Q queue, Alt+U units, Alt+D dispatch the selected incident's recommendation.
  document.addEventListener('keydown', (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if (key === 'n' && canDispatch) { setMode('intake'); intake.focus(); e.preventDefault(); }
    else if (key === 'q') { queue.focus(); e.preventDefault(); }
    else if (key === 'u') { board.focus(); e.preventDefault(); }
    else if (key === 'd' && canDispatch) {
      e.preventDefault();
      if (work.dataset.mode === 'incident') panel.dispatchAll();
      else if (intake?.submitting) { dispatchAfterTake = true; toast(toasts, () => t('console.dispatchAfterTake'), 'info'); }
      else toast(toasts, () => t('console.dispatchNeedsIncident'), 'info');
    }
  });

  // Live: apply pushes, flash rows on red timers, reload everything after a reconnect.
  mountLiveStatus(document.getElementById('live-indicator'), document.getElementById('live-banner'));
  onLive('incidentChanged', (view) => store.applyIncident(incidentFromWire(view)));
  onLive('unitChanged', (view) => store.applyUnit(unitFromWire(view)));
  onLive('timerAlert', (raw) => {
    const alert = timerAlertFromWire(raw);
    queue.flash(alert.incidentId);
    toast(toasts, () => t('console.timerAlert', {
      number: alert.number,
      timer: t(`dispatch.timer.name.${alert.kind}`),
      elapsed: duration(alert.elapsedSeconds),
    }));
  });
  onLive('resync', () => {
    store.loadLive().then(() => { if (store.selectedId) panel.show(store.selectedId); }).catch((error) => console.error(error));
  });
  connectLive().catch((error) => console.warn(error));

  // Server clock in the status bar: what the timers count against.
  const clockEl = document.getElementById('server-clock');
  const tickClock = () => { clockEl.textContent = corpsClock(new Date(serverNow()), document.documentElement.lang); };
  tickClock();
  setInterval(tickClock, 1000);

  await store.loadLive();
  const wanted = Number(new URL(location.href).searchParams.get('incident'));
  if (wanted && store.incidents.has(wanted)) await select(wanted);
  else setMode(canDispatch ? 'intake' : 'incident');
  document.body.dataset.consoleReady = 'true';
}

start().catch((error) => {
  document.documentElement.classList.remove('fc-i18n-pending');
  if (error instanceof ApiError && error.status === 401) {
    location.replace(loginUrl());
    return;
  }
  console.error(error);
  const banner = document.getElementById('live-banner');
  if (banner) {
    banner.textContent = error instanceof ApiError ? t('console.loadFailed', { status: error.status }) : String(error);
    banner.hidden = false;
  }
});
