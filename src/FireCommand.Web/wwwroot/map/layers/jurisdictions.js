// Jurisdiction boundaries (总队 → 支队 → 大队): brigade lines thin, detachment thicker, corps
// thickest and on top. The top-level areas also paint the "land" under everything, so the user's
// own jurisdiction stands out from the plain background around it.

import { t } from '../../shared/i18n.js';
import { JURISDICTION_LEVELS, JURISDICTION_STYLES, lineSvg } from '../symbols.js';

const L = window.L;
const LAND = { stroke: false, fill: true, fillColor: '#fbfaf6', fillOpacity: 1, interactive: false };

export function createJurisdictionsLayer({ map, renderer, lookups }) {
  const root = L.layerGroup();
  const land = L.layerGroup().addTo(map); // not toggleable: it is the map's background
  let count = 0;

  function setData(collection) {
    root.clearLayers();
    land.clearLayers();
    const features = collection.features ?? [];
    lookups.setJurisdictions(features);
    count = features.length;

    const order = (f) => JURISDICTION_LEVELS.indexOf(f.properties?.level);
    const sorted = [...features].sort((a, b) => order(a) - order(b));
    root.addLayer(L.geoJSON({ type: 'FeatureCollection', features: sorted }, {
      renderer: renderer('bounds'),
      interactive: false,
      style: (f) => ({
        ...(JURISDICTION_STYLES[f.properties?.level] ?? JURISDICTION_STYLES.Brigade),
        fill: false,
        lineJoin: 'round',
        interactive: false,
      }),
    }));

    // The user's top-level areas: those whose parent is not in the (jurisdiction-filtered) set.
    const ids = new Set(features.map((f) => f.properties?.id));
    const roots = features.filter((f) => !ids.has(f.properties?.parentId));
    land.addLayer(L.geoJSON({ type: 'FeatureCollection', features: roots }, {
      renderer: renderer('land'),
      interactive: false,
      style: () => LAND,
    }));
  }

  return {
    id: 'jurisdictions',
    titleKey: 'layers.jurisdictions',
    url: '/api/map/jurisdictions',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => lineSvg(JURISDICTION_STYLES.Detachment, 22),
    legend: () => [...JURISDICTION_LEVELS].reverse().map((level) => ({
      symbol: lineSvg(JURISDICTION_STYLES[level]),
      label: t(`jurisdictionLevel.${level}`),
    })),
  };
}
