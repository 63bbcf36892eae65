// The command map: the incident, the route of every unit still heading there (coloured by the
// unit's status, as in the One Map legend), the units where they are now, the nearest water sources
// by road (numbered in order of travel time) and the key places around. Drawn over the offline base
// map (land, roads, names).

import { t } from '../shared/i18n.js';
import { UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR, keyPlaceGroup } from '../map/symbols.js';
import { createBaseMap } from '../dispatch/base-map.js';
import { duration, distance, shortCallSign, unitStatusText } from '../dispatch/format.js';
import { escapeHtml } from '../shared/escape.js';

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

export function createIncidentMap(container) {
  const base = createBaseMap(container);
  const { map } = base;
  for (const [name, z] of [['cmdPlaces', 430], ['cmdRoutes', 440], ['cmdWater', 615], ['cmdUnits', 625], ['cmdIncident', 635]]) {
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
   * Units where they are now. Units standing at one spot (a station, the scene) share one marker,
   * labelled with the station and the count, so no label hides another.
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
        marker = L.circleMarker([lead.latitude, lead.longitude], { pane: 'fc-cmdUnits', radius: 7, color: '#1f2a36', weight: 1.5, fillOpacity: 1, renderer: unitRenderer });
        marker.bindTooltip('', { permanent: true, direction: 'right', offset: [8, 0], className: 'fc-cmd-unit-label' });
        units.addLayer(marker);
        unitMarkers.set(key, marker);
      }
      const station = String(lead.callSign ?? '').split(' ')[0];
      marker.setStyle({ fillColor: colour, radius: members.length > 1 ? 8.5 : 7 });
      marker.setTooltipContent(escapeHtml(members.length > 1
        ? `${station} ×${members.length}`
        : `${shortCallSign(lead.callSign)} ${lead.status}`));
      marker.unbindPopup().bindPopup(members.map((u) => `${u.callSign} · ${u.status} ${unitStatusText(u.status)}`)
        .map(escapeHtml).join('<br>'), { className: 'fc-popup-wrap' });
    }
  }

  function setWater(list) {
    water.clearLayers();
    list.forEach((w, i) => {
      L.marker([w.latitude, w.longitude], { icon: numberIcon(i + 1, 'fc-cmd-water'), pane: 'fc-cmdWater', keyboard: false })
        .bindTooltip(escapeHtml(`${i + 1}. ${w.code} · ${w.travelSeconds !== null ? duration(w.travelSeconds) : '—'} · ${distance(w.straightLineMeters)}`),
          { direction: 'top', className: 'fc-tooltip' })
        .addTo(water);
    });
  }

  function setPlaces(list) {
    places.clearLayers();
    for (const p of list) {
      const group = keyPlaceGroup(p.categories);
      const root = document.createElement('div');
      root.className = 'fc-cmd-place__body';
      root.style.background = group.colour;
      root.textContent = t(`keyPlaceGlyph.${group.id}`);
      L.marker([p.latitude, p.longitude], {
        icon: L.divIcon({ className: 'fc-cmd-place', html: root, iconSize: [18, 18], iconAnchor: [9, 9] }),
        pane: 'fc-cmdPlaces', keyboard: false,
      }).bindTooltip(escapeHtml(`${p.name} · ${distance(p.distanceMeters)}`), { direction: 'top', className: 'fc-tooltip' }).addTo(places);
    }
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
