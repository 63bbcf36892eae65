// Coverage: the roads reachable within 5 minutes from the units available right now (green), the
// roads nobody reaches in time (a subtle red) and each station's 5-minute area (a light wash), with
// the covered share of population and road in the legend and the status line. 建标152-2017 sizes a
// district to a 5-minute run, so this is where the holes are when units are out. The server
// computes it; main.js re-fetches it (throttled) when units go busy or come back.

import { t, formatNumber } from '../../shared/i18n.js';
import { COVERAGE_STYLES, areaSvg, lineSvg } from '../symbols.js';

const L = window.L;
export const COVERAGE_MINUTES = 5;

const percent = (share) => (Number.isFinite(share)
  ? formatNumber(share, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  : '–');

/**
 * In the province view every village lane is a hole, and thin red everywhere drowns the picture:
 * there the station areas carry the message and the lines step back; close in, the roads speak.
 */
function zoomStyle(zoom) {
  if (zoom <= 8) return { covered: 0.7, uncovered: 0.5, uncoveredOpacity: 0.22, areaFill: 0.22 };
  if (zoom <= 10) return { covered: 0.85, uncovered: 0.75, uncoveredOpacity: 0.3, areaFill: 0.16 };
  return { covered: 1, uncovered: 1, uncoveredOpacity: COVERAGE_STYLES.uncovered.opacity, areaFill: COVERAGE_STYLES.area.fillOpacity };
}

export function createCoverageLayer({ map, renderer }) {
  const root = L.layerGroup();
  let current = null; // the last /api/map/coverage answer
  let drawn = [];
  let zs = zoomStyle(map.getZoom());

  const lineStyle = (style, factor, opacity = style.opacity) =>
    ({ ...style, weight: style.weight * factor, opacity, lineCap: 'round', lineJoin: 'round', fill: false, interactive: false });
  const styles = () => [
    { ...COVERAGE_STYLES.area, fillOpacity: zs.areaFill, interactive: false },
    lineStyle(COVERAGE_STYLES.uncovered, zs.uncovered, zs.uncoveredOpacity),
    lineStyle(COVERAGE_STYLES.covered, zs.covered),
  ];

  map.on('zoomend', () => {
    const next = zoomStyle(map.getZoom());
    if (JSON.stringify(next) === JSON.stringify(zs)) return;
    zs = next;
    styles().forEach((style, i) => drawn[i]?.setStyle(style));
  });

  /** Draws the new answer before removing the old one, so a refresh never blanks the layer. */
  function setData(view) {
    current = view;
    const [area, uncovered, covered] = styles();
    const next = [
      L.geoJSON(view.areas ?? null, { renderer: renderer('coverageAreas'), interactive: false, style: () => area }),
      L.geoJSON(view.uncovered ?? null, { renderer: renderer('coverage'), interactive: false, style: () => uncovered }),
      L.geoJSON(view.covered ?? null, { renderer: renderer('coverage'), interactive: false, style: () => covered }),
    ];
    for (const layer of next) root.addLayer(layer);
    for (const layer of drawn) root.removeLayer(layer);
    drawn = next;
  }

  const shares = () => ({
    minutes: current?.minutes ?? COVERAGE_MINUTES,
    population: percent(current?.coveredPopulationShare),
    road: percent(current?.coveredRoadShare),
    units: formatNumber(current?.availableUnits ?? 0),
  });

  return {
    id: 'coverage',
    titleKey: 'layers.coverage',
    url: `/api/map/coverage?minutes=${COVERAGE_MINUTES}`,
    defaultVisible: false,
    live: true,
    layer: root,
    setData,
    get count() { return current?.areas?.features?.length ?? 0; },
    get data() { return current; },
    /** The panel shows the covered population share where other layers show a count. */
    summary: () => (current ? percent(current.coveredPopulationShare) : null),
    statusText: () => (current ? t('status.coverage', shares()) : null),
    swatch: () => lineSvg(COVERAGE_STYLES.covered, 22),
    legendNote: () => (current ? t('panel.coverageNote', shares()) : null),
    legend: () => [
      { symbol: lineSvg(COVERAGE_STYLES.covered), label: t('coverage.covered', { minutes: COVERAGE_MINUTES }) },
      { symbol: lineSvg(COVERAGE_STYLES.uncovered), label: t('coverage.uncovered') },
      { symbol: areaSvg(COVERAGE_STYLES.area), label: t('coverage.area') },
    ],
  };
}
