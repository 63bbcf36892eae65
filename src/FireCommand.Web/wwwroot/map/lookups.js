// Cross-layer lookups filled as layers load: a station popup names its jurisdiction, the units
// layer asks whether a point is a station (to fan its units out around the icon).

const keyOf = (lat, lng) => `${lat.toFixed(5)},${lng.toFixed(5)}`;

export function createLookups() {
  const jurisdictions = new Map();
  const stationPoints = new Set();
  return {
    setJurisdictions(features) {
      jurisdictions.clear();
      for (const f of features) jurisdictions.set(f.properties?.id, f.properties);
    },
    jurisdictionName(id) {
      return jurisdictions.get(id)?.name ?? null;
    },
    setStations(features) {
      stationPoints.clear();
      for (const f of features) {
        const [lng, lat] = f.geometry?.coordinates ?? [];
        if (Number.isFinite(lat) && Number.isFinite(lng)) stationPoints.add(keyOf(lat, lng));
      }
    },
    isStationAt(latlng) {
      return stationPoints.has(keyOf(latlng.lat, latlng.lng));
    },
  };
}
