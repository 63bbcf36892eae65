// Dispatch timers computed locally from an incident's timestamps, so they tick every second without
// asking the server. The thresholds mirror the server's DispatchTimers (GET /api/incidents/{id}/timers):
// call processing amber 64 s / red 106 s (NFPA 1221, 2016); turnout 80 s fire, 60 s social assistance
// (NFPA 1710) and travel 240 s for the first unit, 480 s for the rest of the first alarm; single-figure
// standards turn amber at 90 %. Pure functions; `now` is milliseconds on the server's clock.

import { ms } from './format.js';

export const CALL_PROCESSING = Object.freeze({ amber: 64, red: 106 });
const AMBER_SHARE = 0.9;
const FIRST_UNIT_TRAVEL = 240;
const FULL_FIRST_ALARM_TRAVEL = 480;

export function turnoutLimit(type) {
  const red = type === 'SocialAssistance' ? 60 : 80;
  return { amber: AMBER_SHARE * red, red };
}

export const TRAVEL = Object.freeze({ amber: AMBER_SHARE * FIRST_UNIT_TRAVEL, red: FIRST_UNIT_TRAVEL });
const FULL_TRAVEL = Object.freeze({ amber: AMBER_SHARE * FULL_FIRST_ALARM_TRAVEL, red: FULL_FIRST_ALARM_TRAVEL });

/** 'ok' | 'amber' | 'red' for `seconds` against a limit. */
export function severity(seconds, limit) {
  if (seconds === null || seconds === undefined) return 'none';
  if (seconds > limit.red) return 'red';
  if (seconds > limit.amber) return 'amber';
  return 'ok';
}

function reading(kind, startMs, endMs, limit, now) {
  if (startMs === null) return { kind, seconds: null, running: false, state: 'none', limit };
  const seconds = Math.max(0, ((endMs ?? now) - startMs) / 1000);
  return { kind, seconds, running: endMs === null, state: severity(seconds, limit), limit };
}

const openAssignments = (incident) => (incident.assignments ?? []).filter((a) => a.dispatchedAt);

/** Earliest time any assigned unit rolled (en route, or on scene without an en-route report). */
function firstRolled(incident) {
  const times = openAssignments(incident).map((a) => ms(a.enRouteAt) ?? ms(a.onSceneAt)).filter((x) => x !== null);
  return times.length ? Math.min(...times) : null;
}

/** The incident's timers: call processing, turnout of the first unit, travel of the first unit. */
export function incidentTimers(incident, now) {
  const received = ms(incident.receivedAt);
  const dispatched = ms(incident.dispatchedAt);
  const arrived = ms(incident.firstArrivalAt);
  const closed = ms(incident.closedAt);
  const end = (x) => x ?? (closed !== null ? closed : null);
  const rolled = firstRolled(incident);
  const enRoutes = openAssignments(incident).map((a) => ms(a.enRouteAt)).filter((x) => x !== null);
  // Travel of the first unit to arrive, or (none on scene yet) from the first unit that rolled.
  const firstOnScene = openAssignments(incident).filter((a) => a.onSceneAt)
    .sort((a, b) => ms(a.onSceneAt) - ms(b.onSceneAt))[0];
  const travelStart = firstOnScene ? (ms(firstOnScene.enRouteAt) ?? ms(firstOnScene.dispatchedAt))
    : (enRoutes.length ? Math.min(...enRoutes) : null);
  const stop = (x) => (closed !== null && x === null ? closed : x);
  return {
    callProcessing: reading('CallProcessing', received, stop(dispatched), CALL_PROCESSING, now),
    turnout: reading('Turnout', dispatched, stop(rolled ?? (arrived ?? null)), turnoutLimit(incident.type), now),
    travel: reading('Travel', travelStart, stop(firstOnScene ? ms(firstOnScene.onSceneAt) : arrived), TRAVEL, now),
    total: reading('Total', received, end(arrived), { amber: Infinity, red: Infinity }, now),
  };
}

/**
 * The one timer a queue row shows: call processing until dispatched, then the first unit's turnout
 * until it rolls, then its travel until it arrives; after that the response time, stopped.
 */
export function queueTimer(incident, now) {
  const timers = incidentTimers(incident, now);
  if (!incident.dispatchedAt) return timers.callProcessing;
  if (!incident.firstArrivalAt) {
    // Details not loaded yet (no assignments known): turnout from the order is the honest reading.
    if (timers.travel.seconds !== null && timers.travel.running) return timers.travel;
    return timers.turnout.running || timers.travel.seconds === null ? timers.turnout : timers.travel;
  }
  return { ...timers.total, kind: 'Response', state: 'done' };
}

/** Per-unit turnout and travel, as the server judges them (first arriving unit 240 s, others 480 s). */
export function unitTimers(incident, assignment, now) {
  const firstOnScene = openAssignments(incident).filter((a) => a.onSceneAt)
    .sort((a, b) => ms(a.onSceneAt) - ms(b.onSceneAt) || a.unitId - b.unitId)[0];
  const cleared = ms(assignment.clearedAt);
  const dispatched = ms(assignment.dispatchedAt);
  const enRoute = ms(assignment.enRouteAt);
  const onScene = ms(assignment.onSceneAt);
  const rolled = enRoute ?? onScene;
  const travelStart = enRoute ?? (onScene !== null ? dispatched : null);
  const travelLimit = firstOnScene && firstOnScene.unitId === assignment.unitId ? TRAVEL : FULL_TRAVEL;
  const stop = (x) => (x === null && cleared !== null ? cleared : x);
  return {
    turnout: reading('Turnout', dispatched, stop(rolled), turnoutLimit(incident.type), now),
    travel: reading('Travel', travelStart, stop(onScene), travelLimit, now),
  };
}
