// The live channel to the dispatch hub (SignalR, /hubs/dispatch). The server pushes committed
// changes of the caller's jurisdiction: incidentChanged (an incident view), unitChanged (a unit view),
// timerAlert, transferChanged (a linkage transfer) and
// sensingAlarmChanged (a sensing alarm as GET /api/sensing/alarms/{id} shows it). Reconnects automatically; after a reconnect it emits 'resync' so every screen
// reloads its state from the API and nothing missed while offline stays missing.
// Requires /lib/signalr/signalr.min.js (window.signalR) loaded before the page module.

import { currentUser, loginUrl } from './auth.js';

const EVENTS = ['incidentChanged', 'unitChanged', 'timerAlert', 'transferChanged', 'sensingAlarmChanged'];
const handlers = Object.fromEntries([...EVENTS, 'state', 'resync'].map((kind) => [kind, new Set()]));
let connection = null;
let state = 'disconnected';

function emit(kind, payload) {
  for (const handler of handlers[kind]) {
    try {
      handler(payload);
    } catch (error) {
      console.error(error);
    }
  }
}

function setState(next) {
  state = next;
  emit('state', next);
}

/** Starts the connection once; later calls return the same promise. */
export function connectLive() {
  if (connection) return connection.started;
  const signalR = window.signalR;
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/dispatch')
    // Keep trying for as long as the console is open: 0, 2, 5, 10 s, then every 15 s.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 2000, 5000, 10000][ctx.previousRetryCount] ?? 15000 })
    .build();
  for (const name of EVENTS) connection.on(name, (payload) => emit(name, payload));
  // The server closes the channel of a session that has ended (logout in another tab, password or
  // role change, account disabled), without an invitation to reconnect; such a console goes to the
  // login page instead of showing a picture that no longer updates. When the session is fine (a
  // network or server failure) nothing changes here.
  connection.onreconnecting(async () => {
    setState('reconnecting');
    await leaveIfSessionEnded();
  });
  connection.onreconnected(() => {
    setState('connected');
    emit('resync');
  });
  connection.onclose(async () => {
    setState('disconnected');
    await leaveIfSessionEnded();
  });
  const start = async () => {
    try {
      await connection.start();
      setState('connected');
    } catch (error) {
      console.warn('live: cannot connect yet', error);
      setState('reconnecting');
      setTimeout(async () => {
        await start();
        if (state === 'connected') emit('resync');
      }, 5000);
    }
  };
  connection.started = start();
  return connection.started;
}

async function leaveIfSessionEnded() {
  let user;
  try {
    user = await currentUser();
  } catch {
    return; // no answer: the server or the network is down, not the session
  }
  if (user === null) location.replace(loginUrl());
}

/** Subscribes to one of EVENTS, 'state' or 'resync'; returns an unsubscribe function. */
export function onLive(kind, handler) {
  handlers[kind].add(handler);
  return () => handlers[kind].delete(handler);
}

export function liveState() {
  return state;
}
