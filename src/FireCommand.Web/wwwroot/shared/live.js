// The live channel to the dispatch hub (SignalR, /hubs/dispatch). The server pushes committed
// changes of the caller's jurisdiction: incidentChanged (an incident view), unitChanged (a unit view)
// and timerAlert. Reconnects automatically; after a reconnect it emits 'resync' so every screen
// reloads its state from the API and nothing missed while offline stays missing.
// Requires /lib/signalr/signalr.min.js (window.signalR) loaded before the page module.

const handlers = { incidentChanged: new Set(), unitChanged: new Set(), timerAlert: new Set(), state: new Set(), resync: new Set() };
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
  for (const name of ['incidentChanged', 'unitChanged', 'timerAlert']) connection.on(name, (payload) => emit(name, payload));
  connection.onreconnecting(() => setState('reconnecting'));
  connection.onreconnected(() => {
    setState('connected');
    emit('resync');
  });
  connection.onclose(() => setState('disconnected'));
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

/** Subscribes to 'incidentChanged' | 'unitChanged' | 'timerAlert' | 'state' | 'resync'; returns an unsubscribe function. */
export function onLive(kind, handler) {
  handlers[kind].add(handler);
  return () => handlers[kind].delete(handler);
}

export function liveState() {
  return state;
}
