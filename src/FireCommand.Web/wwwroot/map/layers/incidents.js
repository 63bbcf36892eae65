// Open incidents: a pin per incident in its type's colour with the fire level on a badge. Loaded
// from /api/map/incidents, then kept current by the live channel: a new incident appears, a changed
// one is restyled in place, a closed or merged one disappears. DOM markers: there are tens of open
// incidents, not thousands, and each wants a crisp glyph and keyboard focus.
// Several calls at one address are several pins on one point: they are fanned out side by side,
// the most urgent in the middle of the fan on top, and it carries the count of the stack.

import { t, onLanguageChange } from '../../shared/i18n.js';
import { escapeHtml } from '../../shared/escape.js';
import { incidentPopup, elapsedText } from '../popups.js';
import { INCIDENT_TYPES, incidentColour, incidentPinSvg, fireLevelColour } from '../symbols.js';
import { incidentStateName, incidentTypeName } from '../enums.js';

const L = window.L;
const NEW_HIGHLIGHT_MS = 8000;

function pinElement(type, level, state, width = 26) {
  const root = document.createElement('div');
  root.className = 'fc-incident__body';
  root.innerHTML = incidentPinSvg(incidentColour(type), width); // our constant SVG, not data
  const glyph = document.createElement('span');
  glyph.className = 'fc-incident__glyph';
  glyph.textContent = t(`incidentGlyph.${INCIDENT_TYPES.includes(type) ? type : 'SecurityDuty'}`);
  root.append(glyph);
  if (Number.isFinite(level)) {
    const badge = document.createElement('span');
    badge.className = 'fc-incident__level';
    badge.style.background = fireLevelColour(level);
    badge.textContent = String(level);
    root.append(badge);
  }
  if (state) root.dataset.state = state;
  return root;
}

/** The open incident's fields, from a map feature or a live IncidentView alike (enum numbers become names). */
function propsOf(source) {
  return {
    id: source.id,
    number: source.number,
    type: incidentTypeName(source.type),
    subtype: source.subtype,
    fireLevel: source.fireLevel,
    state: incidentStateName(source.state),
    address: source.address,
    receivedAt: source.receivedAt,
    dispatchedAt: source.dispatchedAt,
    firstArrivalAt: source.firstArrivalAt,
  };
}

export function createIncidentsLayer({ map }) {
  const root = L.featureGroup();
  const entries = new Map(); // id → { marker, props }
  let ticker = null;

  const SPREAD_PX = 20;

  /** `stack` is { index, count } among the incidents at the same point (index 0 is the most urgent). */
  function icon(p, isNew, stack = { index: 0, count: 1 }) {
    const html = pinElement(p.type, p.fireLevel, p.state);
    html.dataset.incidentId = String(p.id);
    if (stack.count > 1 && stack.index === 0) {
      const badge = document.createElement('span');
      badge.className = 'fc-incident__stack';
      badge.textContent = `×${stack.count}`;
      badge.title = t('map.incidentsHere', { count: stack.count });
      html.append(badge);
    }
    // Fan: 0, +1, −1, +2, −2 … pin widths from the point, so the first one stays on it.
    const slot = stack.index === 0 ? 0 : Math.ceil(stack.index / 2) * (stack.index % 2 ? 1 : -1);
    const dx = slot * SPREAD_PX;
    return L.divIcon({
      className: `fc-incident fc-incident--${p.type} fc-incident--${p.state}${isNew ? ' is-new' : ''}`,
      html,
      iconSize: [26, 34],
      iconAnchor: [13 - dx, 33],
      popupAnchor: [dx, -30],
      tooltipAnchor: [dx, -32],
    });
  }

  const keyOf = (latlng) => `${latlng.lat.toFixed(5)},${latlng.lng.toFixed(5)}`;
  const sameStack = (a, b) => a?.index === b?.index && a?.count === b?.count;

  /** Lays out every point that carries more than one incident (and any that no longer does). */
  function restack() {
    const groups = new Map();
    for (const entry of entries.values()) {
      const key = keyOf(entry.marker.getLatLng());
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(entry);
    }
    for (const group of groups.values()) {
      group.sort((a, b) => zIndexOf(b.props) - zIndexOf(a.props) || a.props.id - b.props.id);
      group.forEach((entry, index) => {
        const stack = { index, count: group.length };
        if (sameStack(entry.stack, stack)) return;
        entry.stack = stack;
        entry.marker.setIcon(icon(entry.props, entry.isNew, stack));
      });
    }
  }

  // Bigger fires on top where pins overlap; an undispatched call above a working one of its level.
  const zIndexOf = (p) => 2000 + (p.fireLevel ?? 1) * 100 + (p.state === 'Received' ? 50 : 0);

  function upsert(p, lat, lng, isNew) {
    const existing = entries.get(p.id);
    if (!existing) {
      const marker = L.marker([lat, lng], {
        icon: icon(p, isNew),
        pane: 'fc-incidents',
        zIndexOffset: zIndexOf(p),
        riseOnHover: true,
        keyboard: true,
        title: '',
      });
      const entry = { marker, props: p, isNew, stack: { index: 0, count: 1 } };
      marker.bindTooltip(() => escapeHtml(`${entry.props.number ?? ''} ${t(`incidentType.${entry.props.type}`)}`),
        { direction: 'top', className: 'fc-tooltip', opacity: 1 });
      marker.bindPopup(() => incidentPopup(entry.props), { className: 'fc-popup-wrap', maxWidth: 320 });
      marker.on('popupopen', () => marker.closeTooltip());
      entries.set(p.id, entry);
      root.addLayer(marker);
      if (isNew) {
        setTimeout(() => {
          entry.isNew = false;
          if (entries.get(p.id) === entry) entry.marker.setIcon(icon(entry.props, false, entry.stack));
        }, NEW_HIGHLIGHT_MS);
      }
      return;
    }
    const before = existing.props;
    existing.props = p;
    const { marker } = existing;
    const position = marker.getLatLng();
    if (position.lat !== lat || position.lng !== lng) marker.setLatLng([lat, lng]);
    if (before.type !== p.type || before.fireLevel !== p.fireLevel || before.state !== p.state) {
      marker.setIcon(icon(p, existing.isNew, existing.stack));
      marker.setZIndexOffset(zIndexOf(p));
    }
    if (marker.isPopupOpen()) marker.getPopup().update();
  }

  function remove(id) {
    const entry = entries.get(id);
    if (!entry) return;
    entry.marker.closePopup();
    root.removeLayer(entry.marker);
    entries.delete(id);
  }

  /** Replaces the set: markers of incidents still open are moved and restyled, not redrawn. */
  function setData(collection) {
    const seen = new Set();
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng) || f.properties?.id == null) continue;
      const p = propsOf(f.properties);
      seen.add(p.id);
      upsert(p, lat, lng, false);
    }
    for (const id of [...entries.keys()]) if (!seen.has(id)) remove(id);
    restack();
  }

  /** Applies an incidentChanged event (an IncidentView). */
  function update(view) {
    if (view?.id == null) return;
    if (incidentStateName(view.state) === 'Closed' || view.mergedIntoIncidentId != null) {
      remove(view.id);
      restack();
      return;
    }
    if (!Number.isFinite(view.latitude) || !Number.isFinite(view.longitude)) return;
    upsert(propsOf(view), view.latitude, view.longitude, !entries.has(view.id));
    restack();
  }

  // The elapsed time in an open popup counts up; one timer, only while an incident popup is open.
  root.on('popupopen', (e) => {
    clearInterval(ticker);
    const content = e.popup.getElement();
    ticker = setInterval(() => {
      for (const el of content?.querySelectorAll('[data-since]') ?? []) {
        el.textContent = elapsedText((Date.now() - Number(el.dataset.since)) / 1000);
      }
    }, 1000);
  });
  root.on('popupclose', () => clearInterval(ticker));

  // The glyph is a word of the current language (火 / F).
  onLanguageChange(() => {
    for (const entry of entries.values()) entry.marker.setIcon(icon(entry.props, entry.isNew, entry.stack));
  });

  // Legend and panel samples: a smaller pin without the level badge.
  const swatchHtml = (type, state = '') =>
    `<span class="fc-incident fc-incident--swatch${state ? ` fc-incident--${state}` : ''}">${pinElement(type, null, null, 16).outerHTML}</span>`;

  return {
    id: 'incidents',
    titleKey: 'layers.incidents',
    url: '/api/map/incidents',
    defaultVisible: true,
    live: true,
    layer: root,
    setData,
    update,
    get count() { return entries.size; },
    swatch: () => swatchHtml('Fire'),
    legendNote: () => t('panel.incidentLevelNote'),
    legend: () => [
      ...INCIDENT_TYPES.map((type) => ({ symbol: swatchHtml(type), label: t(`incidentType.${type}`) })),
      { symbol: swatchHtml('Fire', 'Received'), label: t('panel.incidentAwaiting') },
    ],
  };
}
