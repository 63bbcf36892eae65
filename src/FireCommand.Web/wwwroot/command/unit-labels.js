// Unit labels on the command map. Every unit is named with its station ("城北站 主战1"), so a
// commander can tell two 水罐1 apart. Units at one spot (their station, the scene) share one box with
// a row each. After every zoom the boxes are laid out again in screen space: each takes the nearest
// free place around its point — right first, then left, the diagonals, above and below, then further
// out — where it covers no other box, no unit dot and not the incident pin, and it avoids the water
// and place symbols where it can. A box set away from its point is tied to it by a leader line.
// Largest boxes are placed first (they have the fewest free places); when nothing near is free, the
// box goes below every box placed so far, which is always free. So labels never overlap, for 3 units
// or for 30.

import { t } from '../shared/i18n.js';
import { UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../map/symbols.js';
import { unitStatusText } from '../dispatch/format.js';

const L = window.L;
const SVG = 'http://www.w3.org/2000/svg';
const SAME_SPOT_PX = 6; // dots closer than this read as one spot: one box for them
const GAP = 3; // px kept free around every box
const RINGS = [12, 24, 40, 64, 96, 136, 184, 240, 310, 400];
// Directions in order of preference (screen y grows downwards).
const DIRECTIONS = [0, 180, -30, 30, 210, 150, -60, 60, 240, 120, -90, 90, -15, 15, 195, 165]
  .map((deg) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)]);

/**
 * The short form of a station's name as call signs use it: 白江市南阳区解放特勤消防救援站 → 解放特勤站
 * (city and district dropped while a name of its own remains, not just 特勤站 or 一级站).
 */
export function stationShortName(name) {
  const short = String(name ?? '').trim().replace(/(微型)?消防(救援)?站$/, (_, micro) => (micro ? '微站' : '站'));
  return short.match(/^(?:.{1,6}?[省市州盟])?(?:.{1,6}?[区县旗])?((?!(?:特勤|一级|二级|小型|微)站$).{2,}站)$/)?.[1] ?? short;
}

/**
 * A unit's name on the map with its station. Call signs of the form "城北站 主战1" already carry it;
 * a bare one ("水罐1") gets its station's short name in front.
 */
export function unitMapName(unit, stationName) {
  const callSign = String(unit.callSign ?? '').trim();
  if (!stationName || /\s/.test(callSign)) return callSign;
  const short = stationShortName(stationName);
  return callSign.startsWith(short) ? callSign : `${short} ${callSign}`;
}

const intersects = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const grow = (r, by) => ({ x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by });

/** Where a w×h box may go around `at`, nearest first; `ring` 0 is right beside the point. */
function* candidates(at, w, h) {
  for (let ring = 0; ring < RINGS.length; ring += 1) {
    const r = RINGS[ring];
    for (const [cx, cy] of DIRECTIONS) {
      const x = at.x + cx * (r + w / 2) - w / 2;
      const y = at.y + cy * (r + h / 2) - h / 2;
      yield { x, y, w, h, ring };
    }
  }
}

/** The point of rectangle r nearest to p (where a leader line meets its box). */
function nearestOn(r, p) {
  return { x: Math.min(Math.max(p.x, r.x), r.x + r.w), y: Math.min(Math.max(p.y, r.y), r.y + r.h) };
}

/**
 * @param map        the Leaflet map
 * @param pane       the pane the labels live in (above routes and symbols)
 * @param obstacles  () => { hard: [{ latlng, x, y, w, h }], soft: [...] }: boxes relative to each
 *                   latlng's screen point that labels must not (hard) or should not (soft) cover
 * @param nameOf     (unit) => the unit's label text
 */
export function createUnitLabels(map, { pane, obstacles, nameOf }) {
  const root = L.DomUtil.create('div', 'fc-cmd-labels', map.getPane(pane));
  const leaders = document.createElementNS(SVG, 'svg');
  leaders.setAttribute('class', 'fc-cmd-labels__leaders');
  root.append(leaders);
  let units = [];

  function rowFor(u) {
    const row = document.createElement('div');
    row.className = 'fc-cmd-label__row';
    row.dataset.unitId = String(u.id);
    row.dataset.status = String(u.status);
    const dot = document.createElement('span');
    dot.className = 'fc-cmd-label__dot';
    dot.style.background = UNIT_STATUS_COLOURS[u.status] ?? UNIT_UNKNOWN_COLOUR;
    const name = document.createElement('span');
    name.className = 'fc-cmd-label__name';
    name.textContent = nameOf(u);
    const status = document.createElement('span');
    status.className = 'fc-cmd-label__status';
    status.textContent = unitStatusText(u.status);
    row.append(dot, name, status);
    return row;
  }

  /** Units whose dots fall on one spot at this zoom share a box. */
  function groups() {
    const list = [];
    for (const u of units) {
      const at = map.latLngToLayerPoint([u.latitude, u.longitude]);
      const near = list.find((g) => Math.abs(g.at.x - at.x) < SAME_SPOT_PX && Math.abs(g.at.y - at.y) < SAME_SPOT_PX);
      if (near) near.members.push(u);
      else list.push({ at, members: [u] });
    }
    return list;
  }

  function layout() {
    for (const box of root.querySelectorAll('.fc-cmd-label')) box.remove();
    leaders.replaceChildren();
    root.dataset.zoom = String(map.getZoom());
    if (!units.length) return;
    const rect = (o) => {
      const p = map.latLngToLayerPoint(o.latlng);
      return { x: p.x + o.x, y: p.y + o.y, w: o.w, h: o.h };
    };
    const { hard = [], soft = [] } = obstacles();
    const blocked = hard.map(rect);
    const avoided = soft.map(rect);
    const list = groups();
    for (const g of list) {
      g.box = document.createElement('div');
      g.box.className = 'fc-cmd-label';
      g.box.setAttribute('role', 'group');
      g.box.setAttribute('aria-label', t('command.map.unitLabel', { count: g.members.length }));
      g.box.append(...[...g.members].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'zh-CN')).map(rowFor));
      root.append(g.box);
    }
    // Measured together, after all are in the document: one layout pass for the lot.
    for (const g of list) { g.w = g.box.offsetWidth; g.h = g.box.offsetHeight; }
    list.sort((a, b) => b.w * b.h - a.w * a.h || a.at.y - b.at.y || a.at.x - b.at.x);
    const placed = [];
    for (const g of list) {
      let best = null;
      let bestSoft = Infinity;
      for (const c of candidates(g.at, g.w, g.h)) {
        const padded = grow(c, GAP);
        if (placed.some((p) => intersects(padded, p)) || blocked.some((b) => intersects(padded, b))) continue;
        const covered = avoided.filter((s) => intersects(c, s)).length;
        if (covered < bestSoft) { best = c; bestSoft = covered; }
        // Covering a water or place symbol beats a leader line across half the map.
        if (covered === 0 || c.ring > best.ring + 2) break;
      }
      if (!best) {
        // Nothing free nearby: below every box placed so far, which nothing else occupies.
        const bottom = Math.max(g.at.y + RINGS.at(-1), ...placed.map((p) => p.y + p.h), ...blocked.map((b) => b.y + b.h));
        best = { x: g.at.x + RINGS[0], y: bottom + 2 * GAP, w: g.w, h: g.h, ring: RINGS.length };
      }
      placed.push(grow(best, GAP));
      L.DomUtil.setPosition(g.box, L.point(Math.round(best.x), Math.round(best.y)));
      g.box.dataset.ring = String(best.ring);
      if (best.ring > 0) {
        const end = nearestOn(best, g.at);
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', String(g.at.x));
        line.setAttribute('y1', String(g.at.y));
        line.setAttribute('x2', String(end.x));
        line.setAttribute('y2', String(end.y));
        leaders.append(line);
      }
    }
  }

  // Positions are in layer pixels: panning moves them with the map; a zoom needs a new layout.
  map.on('zoomstart', () => { root.style.visibility = 'hidden'; });
  map.on('zoomend viewreset', () => { layout(); root.style.visibility = ''; });

  return {
    /** Shows these units (each with callSign, status, latitude, longitude). */
    set(list) {
      units = list.filter((u) => Number.isFinite(u.latitude) && Number.isFinite(u.longitude));
      layout();
    },
    layout,
  };
}
