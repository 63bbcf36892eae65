// The command map: the incident, the route of every unit still heading there (coloured by the
// unit's status, as in the One Map legend), the units where they are now, the nearest water sources
// by road (numbered in order of travel time) and the key places around. Drawn over the offline base
// map (land, roads, names).

import { t } from '../shared/i18n.js';
import { UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR, keyPlaceGroup } from '../map/symbols.js';
import { createBaseMap } from '../dispatch/base-map.js';
import { duration, distance, unitStatusText } from '../dispatch/format.js';
import { escapeHtml } from '../shared/escape.js';
import { createUnitLabels } from './unit-labels.js';

const L = window.L;

function incidentIcon(level) {
  const root = document.createElement('div');
  root.className = 'fc-cmd-pin__body';
  const badge = document.createElement('span');
  badge.className = `fc-cmd-pin__level fc-level--${level}`;
  badge.textContent = String(level);
  root.append(badge);
  return L.divIcon({ className: 'fc-cmd-pin', html: root, iconSize: [30, 40], iconAnchor: [15, 39] });
}

function numberIcon(n, className) {
  const root = document.createElement('div');
  root.textContent = String(n);
  return L.divIcon({ className, html: root, iconSize: [20, 20], iconAnchor: [10, 10] });
}

const UNIT_DOT_RADIUS = 7.5;

/** @param nameOf (unit) => the unit's name with its station, as the labels and popups show it */
export function createIncidentMap(container, { nameOf = (u) => u.callSign } = {}) {
  const base = createBaseMap(container);
  const { map } = base;
  for (const [name, z] of [['cmdPlaces', 430], ['cmdRoutes', 440], ['cmdWater', 615], ['cmdUnits', 625], ['cmdIncident', 635], ['cmdLabels', 640]]) {
    map.createPane(`fc-${name}`).style.zIndex = String(z);
  }
  const routeRenderer = L.svg({ pane: 'fc-cmdRoutes', padding: 0.3 });
  const routes = L.featureGroup().addTo(map);
  const units = L.featureGroup().addTo(map);
  const water = L.featureGroup().addTo(map);
  const places = L.featureGroup().addTo(map);
  let incidentMarker = null;
  const unitMarkers = new Map(); // position key → marker
  const unitRenderer = L.svg({ pane: 'fc-cmdUnits' });
  let waterSpots = [];
  let placeSpots = [];
  const labels = createUnitLabels(map, {
    pane: 'fc-cmdLabels',
    nameOf,
    // The pin and every unit dot stay visible; water and places are avoided where there is room.
    obstacles: () => ({
      hard: [
        ...(incidentMarker ? [{ latlng: incidentMarker.getLatLng(), x: -15, y: -39, w: 30, h: 40 }] : []),
        ...[...unitMarkers.values()].map((m) => ({ latlng: m.getLatLng(), x: -UNIT_DOT_RADIUS - 1, y: -UNIT_DOT_RADIUS - 1, w: 2 * UNIT_DOT_RADIUS + 2, h: 2 * UNIT_DOT_RADIUS + 2 })),
      ],
      soft: [
        ...waterSpots.map((latlng) => ({ latlng, x: -10, y: -10, w: 20, h: 20 })),
        ...placeSpots.map((latlng) => ({ latlng, x: -9, y: -9, w: 18, h: 18 })),
      ],
    }),
  });
  let fitted = false;
  let routeCount = 0;

  function setIncident(incident) {
    const latlng = [incident.latitude, incident.longitude];
    if (!incidentMarker) {
      incidentMarker = L.marker(latlng, { icon: incidentIcon(incident.fireLevel), pane: 'fc-cmdIncident', keyboard: false });
      incidentMarker.addTo(map);
    } else {
      incidentMarker.setLatLng(latlng).setIcon(incidentIcon(incident.fireLevel));
    }
    incidentMarker.unbindTooltip().bindTooltip(escapeHtml(`${incident.number} · ${incident.address ?? ''}`), { direction: 'top', offset: [0, -36], className: 'fc-tooltip' });
    if (!fitted) map.setView(latlng, 15, { animate: false });
  }

  function setRoutes(collection) {
    routes.clearLayers();
    routeCount = 0;
    for (const f of collection?.features ?? []) {
      const p = f.properties ?? {};
      const colour = UNIT_STATUS_COLOURS[p.status] ?? UNIT_UNKNOWN_COLOUR;
      const casing = L.geoJSON(f, { renderer: routeRenderer, interactive: false, style: { color: '#1f2a36', weight: 7, opacity: 0.55, lineCap: 'round', lineJoin: 'round' } });
      const line = L.geoJSON(f, {
        renderer: routeRenderer,
        style: { color: colour, weight: 4.5, opacity: 1, lineCap: 'round', lineJoin: 'round', className: 'fc-route' },
      });
      line.eachLayer((layer) => {
        layer.options.className = 'fc-route';
        layer.bindTooltip(escapeHtml(`${p.callSign} · ${t('command.map.routeEta', { time: duration(p.travelSeconds) })} · ${distance(p.lengthMeters)}`),
          { sticky: true, className: 'fc-tooltip' });
      });
      routes.addLayer(casing).addLayer(line);
      routeCount += 1;
    }
    container.dataset.routes = String(routeCount);
  }

  /**
   * Units where they are now: a dot each (units at one spot share it), named with their station by
   * the label layer, which keeps every label clear of the others.
   */
  function setUnits(list) {
    const groups = new Map();
    for (const u of list) {
      if (!Number.isFinite(u.latitude) || !Number.isFinite(u.longitude)) continue;
      const key = `${u.latitude.toFixed(4)},${u.longitude.toFixed(4)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(u);
    }
    for (const [key, marker] of unitMarkers) if (!groups.has(key)) { units.removeLayer(marker); unitMarkers.delete(key); }
    for (const [key, members] of groups) {
      const lead = [...members].sort((a, b) => b.status - a.status)[0];
      const colour = UNIT_STATUS_COLOURS[lead.status] ?? UNIT_UNKNOWN_COLOUR;
      let marker = unitMarkers.get(key);
      if (!marker) {
        marker = L.circleMarker([lead.latitude, lead.longitude], { pane: 'fc-cmdUnits', radius: UNIT_DOT_RADIUS, color: '#1f2a36', weight: 1.5, fillOpacity: 1, renderer: unitRenderer });
        units.addLayer(marker);
        unitMarkers.set(key, marker);
      }
      marker.setStyle({ fillColor: colour });
      marker.unbindPopup().bindPopup(members.map((u) => `${nameOf(u)} · ${u.status} ${unitStatusText(u.status)}`)
        .map(escapeHtml).join('<br>'), { className: 'fc-popup-wrap' });
    }
    labels.set([...groups.values()].flat());
  }

  function setWater(list) {
    water.clearLayers();
    waterSpots = list.map((w) => L.latLng(w.latitude, w.longitude));
    list.forEach((w, i) => {
      L.marker([w.latitude, w.longitude], { icon: numberIcon(i + 1, 'fc-cmd-water'), pane: 'fc-cmdWater', keyboard: false })
        .bindTooltip(escapeHtml(`${i + 1}. ${w.code} · ${w.travelSeconds !== null ? duration(w.travelSeconds) : '—'} · ${distance(w.straightLineMeters)}`),
          { direction: 'top', className: 'fc-tooltip' })
        .addTo(water);
    });
    labels.layout();
  }

  function setPlaces(list) {
    places.clearLayers();
    placeSpots = list.map((p) => L.latLng(p.latitude, p.longitude));
    for (const p of list) {
      const group = keyPlaceGroup(p.categories);
      const root = document.createElement('div');
      root.className = 'fc-cmd-place__body';
      root.style.background = group.colour;
      root.textContent = t(`keyPlaceGlyph.${group.id}`);
      // A place of another jurisdiction: its name and kind only, marked as such.
      const other = p.otherJurisdiction === true;
      L.marker([p.latitude, p.longitude], {
        icon: L.divIcon({ className: other ? 'fc-cmd-place is-other-jurisdiction' : 'fc-cmd-place', html: root, iconSize: [18, 18], iconAnchor: [9, 9] }),
        pane: 'fc-cmdPlaces', keyboard: false,
      }).bindTooltip(escapeHtml([p.name, other ? t('command.nearby.otherJurisdiction') : null, distance(p.distanceMeters)].filter(Boolean).join(' · ')),
        { direction: 'top', className: 'fc-tooltip' }).addTo(places);
    }
    labels.layout();
  }

  /** Frames the incident with its routes, units and water once (later updates leave the view alone). */
  function fit() {
    if (fitted || !incidentMarker) return;
    const bounds = L.latLngBounds([incidentMarker.getLatLng()]);
    for (const group of [routes, units, water]) {
      const b = group.getBounds?.();
      if (b?.isValid()) bounds.extend(b);
    }
    map.fitBounds(bounds.pad(0.15), { maxZoom: 16, animate: false });
    fitted = true;
  }

  function focus(lat, lng) {
    map.setView([lat, lng], Math.max(map.getZoom(), 16));
  }

  return { map, ready: base.ready, setIncident, setRoutes, setUnits, setWater, setPlaces, fit, focus, get routeCount() { return routeCount; } };
}
