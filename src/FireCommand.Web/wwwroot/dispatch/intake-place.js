// Where an alarm is: the key place behind an address-search hit, and which hits are too coarse to
// dispatch to without a second look.

import { api } from '../shared/api.js';

// A hit of these kinds is only a city's or a county's centre: the incident could be kilometres away.
export const IMPRECISE_KINDS = new Set(['City', 'CountySeat']);

export function metersBetween(a, b) {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6371008.8;
}

let keyPlaces = null;

/**
 * The key place behind a search result. GET /api/locate names the place but not its id, so a
 * KeyPlace result is matched to GET /api/key-places by name and position: with the id, the level
 * suggestion sees the place's categories (a high-rise raises it) and the plan includes its own.
 */
export async function keyPlaceIdOf(result) {
  if (Number.isInteger(result.keyPlaceId)) return result.keyPlaceId;
  const match = /^key-?place[:/](\d+)$/i.exec(String(result.id ?? ''));
  if (match) return Number(match[1]);
  if (result.kind !== 'KeyPlace') return null;
  keyPlaces ??= api.get('/api/key-places').catch(() => { keyPlaces = null; return []; });
  const here = { lat: result.latitude, lng: result.longitude };
  const found = (await keyPlaces).filter((p) => p.name === result.name)
    .map((p) => ({ p, d: metersBetween(here, { lat: p.latitude, lng: p.longitude }) }))
    .filter((x) => x.d < 150).sort((a, b) => a.d - b.d)[0];
  return found?.p.id ?? null;
}
