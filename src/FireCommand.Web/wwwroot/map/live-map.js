// Keeps the One Map live: incidents and units follow the dispatch hub's events in place, coverage
// is re-computed (at most every COVERAGE_REFRESH_MS) when a unit becomes available or busy, and a
// reconnect reloads the live layers so nothing missed while offline stays missing.

import { connectLive, onLive } from '../shared/live.js';

export const COVERAGE_REFRESH_MS = 10_000;

// Coverage counts units that can leave now: 10 备勤 and 26 驻防 (standing by at another station).
const AVAILABLE = new Set([10, 26]);

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

/**
 * @param layers { incidents, units, coverage } layer modules
 * @param loader the layer loader (load state, reload)
 * @param onChange (layer) => void after a live change (panel counts, status line, legend)
 * @param onLiveState (state) => void: connected | reconnecting | disconnected
 */
export function startLiveMap({ incidents, units, coverage }, loader, { onChange, onLiveState }) {
  // Events that arrive while a layer's first load is in flight wait for it: applied to the older
  // snapshot they would be undone by it (a new incident would vanish again).
  const waiting = new Map(); // layer id → [payload]
  function deliver(layer, payload, apply) {
    if (loader.isLoaded(layer)) {
      apply(payload);
      onChange(layer);
      return;
    }
    if (!waiting.has(layer.id)) {
      waiting.set(layer.id, []);
      loader.settled(layer).then(() => {
        const queued = waiting.get(layer.id) ?? [];
        waiting.delete(layer.id);
        for (const p of queued) apply(p);
        onChange(layer);
      });
    }
    waiting.get(layer.id).push(payload);
  }

  const refreshCoverage = throttle(() => loader.reload(coverage).then(() => onChange(coverage)), COVERAGE_REFRESH_MS);

  onLive('incidentChanged', (view) => deliver(incidents, view, incidents.update));
  onLive('unitChanged', (view) => deliver(units, view, (v) => {
    const before = units.update(v);
    if (before === undefined || AVAILABLE.has(before) !== AVAILABLE.has(v.status)) refreshCoverage();
  }));
  onLive('state', onLiveState);
  onLive('resync', () => {
    for (const layer of [incidents, units, coverage]) loader.reload(layer).then(() => onChange(layer));
  });

  return connectLive().catch((error) => console.warn('live channel unavailable', error));
}
