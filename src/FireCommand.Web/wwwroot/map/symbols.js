// Colours and shapes of the One Map, shared by the layers (what is drawn) and the legend (what it
// means), so the two can never disagree. SVG strings here are our own constants, never data.

/** GA/T 974.39 unit status codes → colour (40/41 are the platform's out-of-service codes). */
export const UNIT_STATUS_COLOURS = Object.freeze({
  10: '#43a047', // 备勤 available — green
  20: '#fb8c00', // 出动 dispatched — orange
  21: '#fdd835', // 途中 en route — yellow
  22: '#e53935', // 到场 on scene — red
  23: '#1e88e5', // 出水 water on — blue
  24: '#81d4fa', // 停水 water off — light blue
  25: '#8e24aa', // 返队 returning — purple
  26: '#00897b', // 驻防 standby elsewhere — teal
  27: '#1a237e', // 运水 water shuttle — navy
  30: '#9e9e9e', // 训练 training — grey
  40: '#616161', // 维修 under repair — dark grey
  41: '#212121', // 停用 out of service — black
});
export const UNIT_STATUS_CODES = Object.freeze(Object.keys(UNIT_STATUS_COLOURS).map(Number));
export const UNIT_UNKNOWN_COLOUR = '#ffffff';

/** Station kinds, largest first: shape carries the kind, red family marks "fire service". */
export const STATION_STYLES = Object.freeze({
  Special: { shape: 'square', fill: '#b71c1c', size: 18 },
  Class1: { shape: 'circle', fill: '#d32f2f', size: 17 },
  Class2: { shape: 'circle', fill: '#f4511e', size: 14 },
  Small: { shape: 'triangle', fill: '#ef6c00', size: 16 },
  FullTime: { shape: 'diamond', fill: '#ad1457', size: 16 },
  TownshipTeam: { shape: 'diamond', fill: '#f57c00', size: 14 },
  MicroStation: { shape: 'circle', fill: '#ffa000', size: 10 },
});
export const STATION_KINDS = Object.freeze(Object.keys(STATION_STYLES));
const STATION_FALLBACK = { shape: 'circle', fill: '#757575', size: 12 };
export const stationStyle = (kind) => STATION_STYLES[kind] ?? STATION_FALLBACK;

/** Road classes, slowest (drawn first) to fastest (drawn on top); minZoom hides minor roads. */
export const ROAD_STYLES = Object.freeze({
  Mountain: { color: '#8d6e63', weight: 1.3, dashArray: '5 4', minZoom: 9 },
  Local: { color: '#a9b3bd', weight: 1.1, minZoom: 10 },
  UrbanStreet: { color: '#95a1ad', weight: 1.4, minZoom: 11 },
  Arterial: { color: '#f2a516', weight: 2.4, casing: '#c98200', minZoom: 0 },
  Expressway: { color: '#ef6c2b', weight: 3.4, casing: '#b3431a', minZoom: 0 },
});
export const ROAD_CLASSES = Object.freeze(Object.keys(ROAD_STYLES));

/** Jurisdiction levels: brigade thin, detachment thicker, corps thickest. */
export const JURISDICTION_STYLES = Object.freeze({
  Brigade: { color: '#8f7fb0', weight: 1.6, dashArray: '0.5 4.5', lineCap: 'round' }, // dotted, unlike any road
  Detachment: { color: '#5f4b8b', weight: 2.2, dashArray: '10 5' },
  Corps: { color: '#263645', weight: 3.6 },
});
export const JURISDICTION_LEVELS = Object.freeze(['Brigade', 'Detachment', 'Corps']);

export const DISTRICT_STYLE = Object.freeze({ color: '#d84343', weight: 1.2, dashArray: '4 3', fillColor: '#ef5350', fillOpacity: 0.07 });

/** Settlement kinds and the zoom from which each is labelled (cities always). */
export const SETTLEMENT_STYLES = Object.freeze({
  City: { minZoom: 0 },
  CountySeat: { minZoom: 8 },
  Town: { minZoom: 10 },
  Village: { minZoom: 12 },
});
export const SETTLEMENT_KINDS = Object.freeze(Object.keys(SETTLEMENT_STYLES));

export const WATER_STYLES = Object.freeze({
  Hydrant: { shape: 'circle', fill: '#1e88e5', size: 11 },
  FirePool: { shape: 'square', fill: '#1565c0', size: 11 },
  NaturalSource: { shape: 'circle', fill: '#26a69a', size: 12 },
  Intake: { shape: 'triangle', fill: '#0d47a1', size: 13 },
});
export const WATER_KINDS = Object.freeze(Object.keys(WATER_STYLES));
export const WATER_OUT_OF_SERVICE = '#9e9e9e';
/** A station no longer in the corps' register. */
export const STATION_RETIRED = '#9e9e9e';

/**
 * Key-place category groups (高低大化, 四名一文一传, 易迁点, 农村高风险, 人员密集). A place with several
 * categories is drawn with the first group in this order: the highest consequence for a fire.
 */
export const KEY_PLACE_GROUPS = Object.freeze([
  { id: 'Petrochemical', colour: '#d84315', categories: ['Petrochemical'] },
  { id: 'HighRise', colour: '#5e35b1', categories: ['HighRise'] },
  { id: 'Underground', colour: '#6d4c41', categories: ['Underground'] },
  { id: 'LargeComplex', colour: '#ad1457', categories: ['LargeComplex'] },
  {
    id: 'Heritage', colour: '#9a7b0a',
    categories: ['HistoricCity', 'HistoricTown', 'HistoricVillage', 'HistoricBlock', 'CulturalRelic', 'TraditionalVillage'],
  },
  { id: 'Relocation', colour: '#2e7d32', categories: ['RelocationSettlement'] },
  { id: 'RuralHighRisk', colour: '#827717', categories: ['RuralHighRisk'] },
  { id: 'Crowded', colour: '#455a64', categories: ['Crowded'] },
]);

export function keyPlaceGroup(categories) {
  const list = Array.isArray(categories) ? categories : [];
  return KEY_PLACE_GROUPS.find((g) => g.categories.some((c) => list.includes(c))) ?? KEY_PLACE_GROUPS.at(-1);
}

/** An SVG shape of `size` px with a white outline: circle, square, triangle or diamond. */
export function shapeSvg(shape, fill, size, stroke = '#ffffff') {
  const s = size;
  const w = Math.max(1.2, s / 9);
  const h = w / 2;
  let body;
  switch (shape) {
    case 'square':
      body = `<rect x="${h}" y="${h}" width="${s - w}" height="${s - w}" rx="${s / 8}"/>`;
      break;
    case 'triangle':
      body = `<polygon points="${s / 2},${w} ${s - h},${s - h} ${h},${s - h}"/>`;
      break;
    case 'diamond':
      body = `<polygon points="${s / 2},${h} ${s - h},${s / 2} ${s / 2},${s - h} ${h},${s / 2}"/>`;
      break;
    default:
      body = `<circle cx="${s / 2}" cy="${s / 2}" r="${s / 2 - h}"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" ` +
    `fill="${fill}" stroke="${stroke}" stroke-width="${w}" aria-hidden="true">${body}</svg>`;
}

/** A short line sample for the legend (roads, boundaries), with an optional casing underneath. */
export function lineSvg({ color, weight, dashArray, casing, lineCap }, width = 28) {
  const y = 7;
  const under = casing
    ? `<line x1="1" y1="${y}" x2="${width - 1}" y2="${y}" stroke="${casing}" stroke-width="${weight + 1.6}" stroke-linecap="round"/>`
    : '';
  const dash = dashArray ? ` stroke-dasharray="${dashArray}"` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" aria-hidden="true">${under}` +
    `<line x1="1" y1="${y}" x2="${width - 1}" y2="${y}" stroke="${color}" stroke-width="${weight}"${dash} stroke-linecap="${lineCap ?? (dashArray ? 'butt' : 'round')}"/></svg>`;
}

/** A filled area sample for the legend. */
export function areaSvg({ color, fillColor, fillOpacity, dashArray, weight }) {
  const dash = dashArray ? ` stroke-dasharray="${dashArray}"` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="22" height="14" aria-hidden="true">` +
    `<rect x="1" y="1" width="20" height="12" rx="2" fill="${fillColor}" fill-opacity="${Math.max(fillOpacity, 0.18)}" ` +
    `stroke="${color}" stroke-width="${weight}"${dash}/></svg>`;
}

/**
 * Incident types: a map pin (no station or water symbol is a pin) in the type's colour, with the
 * type's one-character glyph from the resource file and a badge with the fire level (火警等级 1–5).
 */
export const INCIDENT_TYPE_STYLES = Object.freeze({
  Fire: { colour: '#c62828' },
  Rescue: { colour: '#ef6c00' },
  SocialAssistance: { colour: '#1565c0' },
  SecurityDuty: { colour: '#546e7a' },
  FalseAlarm: { colour: '#8d8d8d' },
});
export const INCIDENT_TYPES = Object.freeze(Object.keys(INCIDENT_TYPE_STYLES));
export const incidentColour = (type) => (INCIDENT_TYPE_STYLES[type] ?? INCIDENT_TYPE_STYLES.SecurityDuty).colour;

/** Fire-level badge colours: calm for 1–2, amber for 3, deep red for the big ones. */
export function fireLevelColour(level) {
  if (level >= 4) return '#8e0000';
  if (level === 3) return '#e65100';
  return '#263645';
}

/** The pin outline (26 × 34, tip at the bottom centre). */
export function incidentPinSvg(colour, width = 26) {
  const height = Math.round((width * 34) / 26);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 26 34" aria-hidden="true">` +
    `<path d="M13 1.2C6.5 1.2 1.2 6.3 1.2 12.7c0 8.6 11.8 20.1 11.8 20.1s11.8-11.5 11.8-20.1C24.8 6.3 19.5 1.2 13 1.2z" ` +
    `fill="${colour}" stroke="#ffffff" stroke-width="1.8"/></svg>`;
}

/** Coverage (5-minute reach from available units): green where reached, a subtle red where not. */
export const COVERAGE_STYLES = Object.freeze({
  covered: { color: '#2e7d32', weight: 2.4, opacity: 0.85 },
  uncovered: { color: '#e53935', weight: 1.4, opacity: 0.4 },
  area: { color: '#43a047', weight: 1, opacity: 0.55, fillColor: '#66bb6a', fillOpacity: 0.1 },
});
