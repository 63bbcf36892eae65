// One escape for text that must go into HTML strings (Leaflet tooltips and popups take HTML):
// names, addresses and call signs are typed by people, and a key place named "<img onerror=…>"
// must read as those characters, never run. Prefer textContent; use this where only a string fits.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text with &, <, >, " and ' written as entities; null and undefined become ''. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
