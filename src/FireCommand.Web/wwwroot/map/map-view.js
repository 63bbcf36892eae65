// The Leaflet map itself: canvas rendering, no tile layer by default (the command centre has no
// internet; roads come from our own data; see base-layer.js for the optional online one), a stack
// of panes that fixes what is drawn over what, the attribution and the zoom control in the current
// language.

import { t, onLanguageChange } from '../shared/i18n.js';
import { escapeHtml } from '../shared/escape.js';

const L = window.L;

// Pane order, bottom to top. Leaflet's own panes: tiles 200, overlay 400, markers 600, tooltips 650,
// popups 700. Only one canvas can receive pointer events at a spot, so every canvas pane except the
// units pane ignores the pointer and the units canvas sits below the DOM markers.
export const PANES = Object.freeze({
  land: 250,
  coverageAreas: 315,
  districts: 320,
  roadMountain: 331,
  roadLocal: 332,
  roadUrbanStreet: 333,
  roadArterial: 334,
  roadExpressway: 335,
  // Coverage colours the roads it reaches, so it sits just over them and under the boundaries.
  coverage: 340,
  bounds: 360,
  labels: 420,
  units: 450,
  // Stations are DOM markers under the water-source and key-place clusters (markers, 600), so their
  // icons never hide a cluster's count; incidents and city names stay above both.
  stations: 580,
  // Incidents are DOM markers over stations (600) and clusters: the first thing a commander looks for.
  incidents: 620,
  // City and county names stay readable over stations and clusters; they ignore the pointer.
  cityLabels: 640,
});

/** Zoom bands the CSS keys on (e.g. station names are shown only when zoomed in). */
function zoomBand(zoom) {
  if (zoom <= 9) return 'low';
  if (zoom < 14) return 'mid'; // station names are long (市+区+站名); below 14 they collide in city centres
  return 'high';
}

/** `options` may carry a `crs` (see base-layer.js); the default is Web Mercator. */
export function createMapView(container, options = {}) {
  const { attributionKey = 'map.attribution', ...mapOptions } = options;
  const map = L.map(container, {
    ...mapOptions,
    preferCanvas: true,
    zoomControl: false,
    attributionControl: false,
    minZoom: 5,
    maxZoom: 18,
    center: [30, 112],
    zoom: 7,
    wheelPxPerZoomLevel: 90,
    // Half steps let fitBounds fill the screen with the jurisdiction; buttons still step whole levels.
    zoomSnap: 0.5,
    zoomDelta: 1,
  });

  const renderers = new Map();
  for (const [name, zIndex] of Object.entries(PANES)) {
    const pane = map.createPane(`fc-${name}`);
    pane.style.zIndex = String(zIndex);
    if (name !== 'units' && name !== 'incidents' && name !== 'stations') pane.style.pointerEvents = 'none';
  }

  /** The canvas renderer of a pane (one canvas per pane; created on first use). */
  function renderer(name, options = {}) {
    if (!renderers.has(name)) {
      renderers.set(name, L.canvas({ pane: `fc-${name}`, padding: 0.4, tolerance: options.tolerance ?? 0 }));
    }
    return renderers.get(name);
  }

  const attribution = L.control.attribution({
    position: 'bottomright',
    prefix: '<a href="https://leafletjs.com" rel="noopener noreferrer" target="_blank">Leaflet</a>',
  }).addTo(map);
  L.control.scale({ position: 'bottomright', imperial: false, maxWidth: 120 }).addTo(map);

  let zoomControl = null;
  let attributionText = null;
  function translate() {
    zoomControl?.remove();
    zoomControl = L.control.zoom({
      position: 'bottomright',
      zoomInTitle: t('map.zoomIn'),
      zoomOutTitle: t('map.zoomOut'),
    }).addTo(map);
    if (attributionText) attribution.removeAttribution(attributionText);
    // Attribution text is from our own resource file; Leaflet inserts it as HTML, so escape anyway.
    attributionText = escapeHtml(t(attributionKey));
    attribution.addAttribution(attributionText);
  }
  translate();
  onLanguageChange(translate);

  // Popup contents are built by functions at open time; an open popup is rebuilt on a language switch.
  let openPopup = null;
  map.on('popupopen', (e) => { openPopup = e.popup; });
  map.on('popupclose', (e) => { if (openPopup === e.popup) openPopup = null; });
  onLanguageChange(() => openPopup?.update());

  const setBand = () => {
    container.dataset.zoomBand = zoomBand(map.getZoom());
  };
  map.on('zoomend', setBand);
  setBand();

  function fitExtent(extent) {
    const bounds = L.latLngBounds([extent.south, extent.west], [extent.north, extent.east]);
    if (!bounds.isValid()) return;
    // On a wide screen the legend (left) and the layer panel (right) float over the map; keep the
    // jurisdiction clear of them.
    const wide = container.clientWidth >= 1200;
    map.fitBounds(bounds, {
      paddingTopLeft: wide ? [330, 24] : [24, 24],
      paddingBottomRight: wide ? [260, 24] : [24, 24],
      animate: false,
    });
    // Keep the view near the jurisdiction; panning far away only loses the user.
    map.setMaxBounds(bounds.pad(0.6));
  }

  return { map, renderer, fitExtent };
}
