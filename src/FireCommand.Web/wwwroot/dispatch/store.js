// The console's picture of its jurisdiction: open incidents (with their units and callers once
// loaded), units, stations and jurisdictions. Loaded from the API, then kept current by the live
// channel; a 'resync' after a reconnect reloads it all, so nothing missed offline stays missing.
// Components subscribe with on('incident' | 'incidents' | 'unit' | 'units' | 'select', handler).

import { api } from '../shared/api.js';
import { serverNow } from './clock.js';
import { learnSlotNames } from './format.js';

const OPEN = new Set(['Received', 'Dispatched', 'Working', 'Closing']);

export function createStore() {
  const incidents = new Map();
  const units = new Map();
  const stations = new Map();
  const jurisdictions = new Map();
  const levelChanges = new Map(); // incident id → [{ at, from, to }] seen while this console was open
  const events = new EventTarget();
  let selectedId = null;
  let loadGeneration = 0;

  const emit = (type, detail) => events.dispatchEvent(new CustomEvent(type, { detail }));

  function isOpen(incident) {
    return OPEN.has(incident.state);
  }

  /** Merges a summary or a full IncidentView; returns the stored incident. */
  function putIncident(data, { full = false } = {}) {
    const previous = incidents.get(data.id);
    if (previous && full && previous.fireLevel !== undefined && data.fireLevel > previous.fireLevel) {
      const list = levelChanges.get(data.id) ?? [];
      list.push({ at: new Date(serverNow()).toISOString(), from: previous.fireLevel, to: data.fireLevel });
      levelChanges.set(data.id, list);
    }
    const merged = { ...(previous ?? {}), ...data, detailLoaded: full || previous?.detailLoaded === true };
    incidents.set(data.id, merged);
    if (full) {
      for (const a of merged.assignments ?? []) {
        const unit = units.get(a.unitId);
        if (!unit) continue;
        const open = !a.clearedAt;
        if (open) units.set(a.unitId, { ...unit, incidentId: merged.id, status: a.unitStatus ?? unit.status });
        else if (unit.incidentId === merged.id) units.set(a.unitId, { ...unit, incidentId: null });
      }
    }
    return { incident: merged, previous };
  }

  function putUnit(data) {
    const previous = units.get(data.id);
    const merged = { ...(previous ?? {}), ...data };
    units.set(data.id, merged);
    // Keep the incident's assignment row in step, so its timers and table move with the unit.
    if (merged.incidentId && incidents.has(merged.incidentId)) {
      const incident = incidents.get(merged.incidentId);
      const assignments = (incident.assignments ?? []).map((a) =>
        (a.unitId === merged.id && !a.clearedAt ? { ...a, unitStatus: merged.status } : a));
      incidents.set(incident.id, { ...incident, assignments });
    }
    return { unit: merged, previous };
  }

  async function mapLimited(items, limit, fn) {
    const queue = [...items];
    const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
      while (queue.length) {
        const item = queue.shift();
        try {
          await fn(item);
        } catch (error) {
          console.warn('store: detail load failed', error);
        }
      }
    });
    await Promise.all(workers);
  }

  return {
    events,
    on(type, handler) {
      const listener = (e) => handler(e.detail);
      events.addEventListener(type, listener);
      return () => events.removeEventListener(type, listener);
    },
    incidents,
    units,
    stations,
    jurisdictions,
    openIncidents() {
      return [...incidents.values()].filter(isOpen);
    },
    levelChangesOf(id) {
      return levelChanges.get(id) ?? [];
    },
    get selectedId() {
      return selectedId;
    },
    select(id) {
      selectedId = id;
      emit('select', { id });
    },

    /** Loads reference data (stations, jurisdictions, the plans' slot names) once. */
    async loadReference() {
      const [stationList, jurisdictionList, plans] = await Promise.all([
        api.get('/api/stations'),
        api.get('/api/jurisdictions'),
        api.get('/api/response-plans'),
      ]);
      learnSlotNames((plans?.document?.plans ?? []).flatMap((plan) => plan.slots ?? []));
      stations.clear();
      for (const s of stationList) stations.set(s.id, s);
      jurisdictions.clear();
      for (const j of jurisdictionList) jurisdictions.set(j.id, j);
    },

    /** Reloads incidents and units from the API (first load and every resync). */
    async loadLive() {
      const generation = ++loadGeneration;
      const [list, unitList] = await Promise.all([
        api.get('/api/incidents?active=true'),
        api.get('/api/units'),
      ]);
      if (generation !== loadGeneration) return;
      units.clear();
      for (const u of unitList) units.set(u.id, { ...u, incidentId: null });
      const keep = new Map();
      for (const summary of list) {
        const previous = incidents.get(summary.id);
        keep.set(summary.id, { ...(previous ?? {}), ...summary, detailLoaded: false });
      }
      // The selected incident stays even when it closed meanwhile (the dispatcher is looking at it).
      if (selectedId && !keep.has(selectedId) && incidents.has(selectedId)) keep.set(selectedId, incidents.get(selectedId));
      incidents.clear();
      for (const [id, incident] of keep) incidents.set(id, incident);
      emit('incidents', {});
      emit('units', {});
      // Details carry the units and callers: the board, the timers and the timeline need them.
      await mapLimited([...incidents.keys()], 6, async (id) => {
        const view = await api.get(`/api/incidents/${id}`);
        if (generation !== loadGeneration) return;
        const { incident, previous } = putIncident(view, { full: true });
        emit('incident', { id, incident, previous, quiet: true });
      });
      if (generation === loadGeneration) emit('units', {});
    },

    /** Loads the units alone (the command view needs them, not every open incident). */
    async loadUnits() {
      const unitList = await api.get('/api/units');
      for (const u of unitList) units.set(u.id, { ...(units.get(u.id) ?? {}), ...u });
      emit('units', {});
    },

    /** Fetches one incident's full view (after an action, or when selected). */
    async refreshIncident(id) {
      const view = await api.get(`/api/incidents/${id}`);
      const { incident, previous } = putIncident(view, { full: true });
      emit('incident', { id, incident, previous });
      return incident;
    },

    /** Applies an IncidentView from the live channel or an action's answer. */
    applyIncident(view) {
      const { incident, previous } = putIncident(view, { full: true });
      emit('incident', { id: view.id, incident, previous });
      emit('units', {});
      return incident;
    },

    /** Applies a UnitView from the live channel or a status change's answer. */
    applyUnit(view) {
      const { unit, previous } = putUnit(view);
      emit('unit', { id: view.id, unit, previous });
      if (unit.incidentId && incidents.has(unit.incidentId)) {
        emit('incident', { id: unit.incidentId, incident: incidents.get(unit.incidentId), previous: null, quiet: true });
      }
      return unit;
    },
  };
}
