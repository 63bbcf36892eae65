// Text from users (names, addresses, call signs) reaches places that parse HTML — Leaflet tooltips
// and attributions take a string as markup. Everything put there goes through this one function.

/** The text with & < > " ' replaced by their entities, safe inside element content and quoted attributes. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
