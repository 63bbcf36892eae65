// The risk layer (风险): every key place the user's jurisdiction sees, coloured by its risk level in
// the four-colour scheme (blue, yellow, orange, red) over a heat-style halo that grows with the score,
// so the places most at risk stand out from afar. The scores move with the places' monitoring, so the
// layer reloads itself while shown; markers are kept by place id and only restyled, never redrawn,
// so a refresh does not flicker and an open popup stays open with its figures updated.

import { t, onLanguageChange } from '../../shared/i18n.js';
import { escapeHtml } from '../../shared/escape.js';
import { riskPopup, RISK_COLOURS } from './risk-popup.js';

const L = window.L;

export const RISK_LEVELS = ['Major', 'Considerable', 'General', 'Low'];

/** Seconds between reloads while the layer is shown; the server keeps one reading per place every few minutes. */
export const RISK_REFRESH_MS = 60_000;

/** The halo's diameter in pixels: a low-risk place barely glows, a major one spreads. */
function haloSize(score) {
  const s = Math.max(0, Math.min(100, Number(score) || 0));
  return Math.round(18 + s * 0.5);
}

function symbolHtml(level, score) {
  const colour = RISK_COLOURS[level] ?? RISK_COLOURS.Low;
  const size = haloSize(score);
  return `<div class="fc-risk__halo" style="width:${size}px;height:${size}px;`
    + `background:radial-gradient(circle, ${colour}cc 0%, ${colour}55 35%, ${colour}00 70%)"></div>`
    + `<div class="fc-risk__dot" style="background:${colour}"></div>`;
}

function riskIcon(level, score) {
  const size = haloSize(score);
  return L.divIcon({
    className: `fc-risk fc-risk--${String(level).toLowerCase()}`,
    html: symbolHtml(level, score),
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
    popupAnchor: [0, -6],
  });
}

export function createRiskLayer() {
  const root = L.layerGroup();
  const entries = new Map(); // place id → { marker, place }

  function place(entry) {
    const { marker, place: p } = entry;
    marker.setLatLng([p.latitude, p.longitude]);
    marker.setIcon(riskIcon(p.level, p.score));
    marker.setZIndexOffset(Math.round(p.score) - 1000); // under the other markers, the worst on top
  }

  function setData(list) {
    const seen = new Set();
    for (const p of Array.isArray(list) ? list : []) {
      if (!Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) continue;
      seen.add(p.id);
      let entry = entries.get(p.id);
      if (!entry) {
        const marker = L.marker([p.latitude, p.longitude], { keyboard: false });
        entry = { marker, place: p };
        marker.bindTooltip(() => escapeHtml(entry.place.name), { direction: 'top', className: 'fc-tooltip', opacity: 1 });
        marker.bindPopup(() => riskPopup(entry.place), { className: 'fc-popup-wrap', maxWidth: 340 });
        marker.on('popupopen', () => marker.closeTooltip());
        entries.set(p.id, entry);
        place(entry);
        root.addLayer(marker);
        continue;
      }
      const changed = entry.place.level !== p.level || haloSize(entry.place.score) !== haloSize(p.score)
        || entry.place.latitude !== p.latitude || entry.place.longitude !== p.longitude;
      entry.place = p;
      if (changed) place(entry);
      if (entry.marker.isPopupOpen()) entry.marker.getPopup().setContent(riskPopup(p));
    }
    for (const [id, entry] of entries) {
      if (seen.has(id)) continue;
      root.removeLayer(entry.marker);
      entries.delete(id);
    }
  }

  onLanguageChange(() => {
    for (const { marker, place: p } of entries.values()) {
      if (marker.isPopupOpen()) marker.getPopup().setContent(riskPopup(p));
    }
  });

  return {
    id: 'risk',
    titleKey: 'layers.risk',
    url: '/api/sensing/risk?limit=10000',
    defaultVisible: false,
    refreshMs: RISK_REFRESH_MS,
    layer: root,
    setData,
    get count() { return entries.size; },
    swatch: () => `<span class="fc-risk fc-risk--swatch">${symbolHtml('Considerable', 40)}</span>`,
    legendNote: () => t('panel.riskNote'),
    legend: () => RISK_LEVELS.map((level) => ({
      symbol: `<span class="fc-risk fc-risk--swatch">${symbolHtml(level, 30)}</span>`,
      label: t(`riskLevel.${level}`),
    })),
  };
}
