// Cross-layer lookups filled as layers load: a station popup names its jurisdiction, the units
// layer asks which station (if any) is at a point, to fan its units out around the icon and to tell
// a unit at home from one standing by elsewhere.

const keyOf = (lat, lng) => `${lat.toFixed(5)},${lng.toFixed(5)}`;

export function createLookups() {
  const jurisdictions = new Map();
  const stationsByPoint = new Map(); // position key → station properties
  const stationsById = new Map();
  return {
    setJurisdictions(features) {
      jurisdictions.clear();
      for (const f of features) jurisdictions.set(f.properties?.id, f.properties);
    },
    jurisdictionName(id) {
      return jurisdictions.get(id)?.name ?? null;
    },
    setStations(features) {
      stationsByPoint.clear();
      stationsById.clear();
      for (const f of features) {
        const [lng, lat] = f.geometry?.coordinates ?? [];
        const p = f.properties ?? {};
        if (p.id != null) stationsById.set(p.id, p);
        if (Number.isFinite(lat) && Number.isFinite(lng)) stationsByPoint.set(keyOf(lat, lng), p);
      }
    },
    isStationAt(latlng) {
      return stationsByPoint.has(keyOf(latlng.lat, latlng.lng));
    },
    /** The id of the station at the point, or undefined. */
    stationIdAt(latlng) {
      return stationsByPoint.get(keyOf(latlng.lat, latlng.lng))?.id;
    },
    stationName(id) {
      return stationsById.get(id)?.name ?? null;
    },
  };
}
