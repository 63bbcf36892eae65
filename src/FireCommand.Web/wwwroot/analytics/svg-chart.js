// The few drawing parts the overview's charts need, as plain SVG: a frame, round axis ticks, grid
// lines, text, bars with a native tooltip (<title>). A charting library would be most of the page's
// weight for three simple charts; these draw at the card's own pixel size, so text stays the
// page's size and font.

const NS = 'http://www.w3.org/2000/svg';

export function el(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** The chart's root at the given pixel size, in the page's font. */
export function frame(width, height, theme) {
  return el('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': theme.fontFamily, 'font-size': 11,
    fill: theme.ink, 'aria-hidden': 'true',
  });
}

/** Text width estimate: CJK characters are about one em wide, Latin digits and letters about 0.6 em. */
export function textWidth(text, fontSize = 11) {
  let em = 0;
  for (const ch of String(text)) em += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6;
  return em * fontSize;
}

/** Round ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them, whole numbers only. */
export function countTicks(max, count = 4) {
  const top = Math.max(1, max);
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw));
  const ticks = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}

/** A bar (or bar segment) with a hover text. */
export function bar(x, y, width, height, fill, tip, extra = {}) {
  const rect = el('rect', { x, y, width: Math.max(0, width), height: Math.max(0, height), fill, ...extra });
  if (tip) rect.append(el('title', {}, tip));
  return rect;
}

/**
 * A vertical count axis at x = left over [top, bottom]: tick labels, faint grid lines across to
 * `right`, and the axis name above it. Returns the y of a value.
 */
export function countAxis(svg, { left, right, top, bottom, ticks, name, theme }) {
  const max = ticks.at(-1);
  const y = (v) => bottom - ((bottom - top) * v) / max;
  for (const v of ticks) {
    svg.append(el('line', { x1: left, x2: right, y1: y(v), y2: y(v), stroke: v === 0 ? theme.line : theme.grid }));
    svg.append(el('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end', fill: theme.soft }, theme.count(v)));
  }
  if (name) svg.append(el('text', { x: left - 4, y: top - 8, 'text-anchor': 'start', fill: theme.faint }, name));
  return y;
}

/** Colour squares and names in a row from the right edge (the incidents chart's types). */
export function legend(svg, items, { right, y, theme }) {
  let x = right;
  for (const item of [...items].reverse()) {
    const w = textWidth(item.label, 12);
    x -= w;
    svg.append(el('text', { x, y: y + 10, 'font-size': 12, fill: theme.soft }, item.label));
    x -= 16;
    svg.append(el('rect', { x, y: y + 1, width: 12, height: 10, rx: 2, fill: item.colour }));
    x -= 12;
  }
}
