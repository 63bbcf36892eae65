// Roads from our own network, styled by class. Fast classes are drawn on top (one canvas pane per
// class, ordered in map-view.js) and minor classes appear only when zoomed in: 10–25k lines on one
// canvas stay smooth, and a province view is not a grey smear of village lanes. The data comes per
// zoom band (road-bands.js): after a zoom or a pan the new band or tiles replace the drawing only
// once they have arrived, so the roads never blink out, and a late answer for a view the user has
// already left is dropped.

import { t } from '../../shared/i18n.js';
import { ROAD_CLASSES, ROAD_STYLES, lineSvg } from '../symbols.js';
import { createRoadBands } from '../road-bands.js';

const L = window.L;

/** Line weights grow with zoom so streets read as streets up close. */
function weightFactor(zoom) {
  if (zoom <= 8) return 0.75;
  if (zoom <= 11) return 1;
  if (zoom <= 13) return 1.35;
  return 1.8;
}

export function createRoadsLayer({ map, renderer }) {
  const root = L.layerGroup();
  const classes = new Map(); // cls → { group, lines, casing }
  let count = 0;
  let factor = weightFactor(map.getZoom());

  const styleOf = (cls, casing) => {
    const s = ROAD_STYLES[cls];
    return {
      color: casing ? s.casing : s.color,
      weight: (casing ? s.weight + 1.6 : s.weight) * factor,
      dashArray: casing ? null : s.dashArray ?? null,
      opacity: 1,
      lineCap: 'round',
      lineJoin: 'round',
      interactive: false,
    };
  };

  let bands = null;
  let drawn = null; // key of the band or tiles on screen
  let latest = null; // key of the newest request; older answers are dropped

  async function follow() {
    if (!bands || !map.hasLayer(root)) return;
    const key = bands.keyFor(map);
    if (key === drawn || key === latest) return;
    latest = key;
    try {
      const view = await bands.load(map);
      if (view.key !== latest) return;
      draw(view.features);
      drawn = view.key;
    } catch (error) {
      if (latest === key) latest = null; // the next move tries again; the last drawing stays
      console.error('Roads failed', error);
    }
  }

  /** `manifest` is the band list; resolves once the roads for the current view are drawn. */
  function setData(manifest) {
    bands = createRoadBands(manifest);
    drawn = null;
    latest = null;
    return follow();
  }

  function draw(features) {
    const next = new Map();
    const buckets = new Map(ROAD_CLASSES.map((cls) => [cls, []]));
    for (const feature of features) {
      const cls = ROAD_STYLES[feature.properties?.cls] ? feature.properties.cls : 'Local';
      buckets.get(cls).push(feature);
    }
    count = 0;
    for (const cls of ROAD_CLASSES) {
      const features = buckets.get(cls);
      count += features.length;
      if (!features.length) continue;
      const options = (casing) => ({
        style: () => styleOf(cls, casing),
        renderer: renderer(`road${cls}`),
        interactive: false,
      });
      const group = L.layerGroup();
      const entry = { group, lines: null, casing: null };
      const data = { type: 'FeatureCollection', features };
      if (ROAD_STYLES[cls].casing) {
        entry.casing = L.geoJSON(data, options(true));
        group.addLayer(entry.casing);
      }
      entry.lines = L.geoJSON(data, options(false));
      group.addLayer(entry.lines);
      next.set(cls, entry);
    }
    // Swap in one go: the canvas repaints once, with the new roads.
    root.clearLayers();
    classes.clear();
    for (const [cls, entry] of next) classes.set(cls, entry);
    updateZoom();
  }

  function updateZoom() {
    const zoom = map.getZoom();
    const nextFactor = weightFactor(zoom);
    const restyle = nextFactor !== factor;
    factor = nextFactor;
    for (const [cls, entry] of classes) {
      const visible = zoom >= ROAD_STYLES[cls].minZoom;
      if (visible && !root.hasLayer(entry.group)) root.addLayer(entry.group);
      if (!visible && root.hasLayer(entry.group)) root.removeLayer(entry.group);
      if (restyle) {
        entry.casing?.setStyle(styleOf(cls, true));
        entry.lines.setStyle(styleOf(cls, false));
      }
    }
  }
  map.on('zoomend', updateZoom);
  map.on('moveend', follow); // also fires after every zoom
  root.on('add', follow);

  return {
    id: 'roads',
    titleKey: 'layers.roads',
    url: '/api/map/roads/bands',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => lineSvg(ROAD_STYLES.Expressway, 22),
    legend: () => [...ROAD_CLASSES].reverse().map((cls) => ({
      symbol: lineSvg(ROAD_STYLES[cls]),
      label: t(`roadClass.${cls}`),
      note: ROAD_STYLES[cls].minZoom > map.getZoom() ? t('panel.hiddenAtZoom') : null,
    })),
  };
}
