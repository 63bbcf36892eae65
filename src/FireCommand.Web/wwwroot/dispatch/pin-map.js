// The intake map: click to drop the pin where the caller is, drag to move it; picking an address
// moves it there. Open incidents the preview names as possible duplicates are marked, so the
// call-taker sees "that is the same fire" at a glance.

import { t, onLanguageChange } from '../shared/i18n.js';
import { createBaseMap } from './base-map.js';
import { escapeHtml } from '../shared/escape.js';

const L = window.L;

function pinIcon() {
  const body = document.createElement('div');
  body.className = 'fc-pin__body';
  return L.divIcon({ className: 'fc-pin', html: body, iconSize: [26, 34], iconAnchor: [13, 33] });
}

export function createPinMap(container, { onPin }) {
  const base = createBaseMap(container);
  const { map } = base;
  let pin = null;
  const duplicates = L.layerGroup().addTo(map);
  const hint = L.control({ position: 'topleft' });
  let hintEl = null;
  hint.onAdd = () => {
    hintEl = L.DomUtil.create('div', 'fc-map-hint');
    hintEl.textContent = t('console.intake.mapHint');
    return hintEl;
  };
  hint.addTo(map);
  onLanguageChange(() => { if (hintEl) hintEl.textContent = t('console.intake.mapHint'); });

  function place(latlng, { fly = false, zoom } = {}) {
    if (!pin) {
      pin = L.marker(latlng, { icon: pinIcon(), draggable: true, keyboard: true, title: t('console.intake.pinTitle'), autoPan: true });
      pin.on('dragend', () => onPin(pin.getLatLng(), 'drag'));
      pin.addTo(map);
    } else {
      pin.setLatLng(latlng);
    }
    container.dataset.pinned = 'true';
    if (fly) map.setView(latlng, Math.max(zoom ?? 15, map.getZoom()), { animate: false });
  }

  map.on('click', (e) => {
    place(e.latlng);
    onPin(e.latlng, 'click');
  });

  return {
    map,
    ready: base.ready,
    /** Moves the pin (from an address pick) without calling onPin. */
    setPin(lat, lng, options = { fly: true }) {
      place(L.latLng(lat, lng), options);
    },
    clearPin() {
      pin?.remove();
      pin = null;
      container.dataset.pinned = 'false';
      duplicates.clearLayers();
    },
    pinLatLng() {
      return pin?.getLatLng() ?? null;
    },
    centre() {
      return map.getCenter();
    },
    showDuplicates(list, incidents) {
      duplicates.clearLayers();
      for (const d of list) {
        const i = incidents.get(d.incidentId);
        if (!i || !Number.isFinite(i.latitude)) continue;
        L.circleMarker([i.latitude, i.longitude], { radius: 8, color: '#7f1414', weight: 2, fillColor: '#e53935', fillOpacity: 0.85 })
          .bindTooltip(escapeHtml(d.number), { permanent: true, direction: 'right', className: 'fc-tooltip' })
          .addTo(duplicates);
      }
    },
    invalidate() {
      map.invalidateSize({ animate: false });
    },
  };
}
