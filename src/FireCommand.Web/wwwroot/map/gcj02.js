// WGS-84 ↔ GCJ-02, the offset datum of maps published in China (AMap/Gaode, Tencent). Our data is
// WGS-84; an online base layer in GCJ-02 needs it shifted by the same few hundred metres, or every
// hydrant sits beside its street. A line-by-line port of FireCommand.Geo.Coordinates.ChinaCoordinates
// (same constants, same order of operations), so the map and the server agree to well below a
// millimetre; the end-to-end test compares the two on reference points. Pure functions, no Leaflet.

// Krasovsky 1940 ellipsoid, used by the GCJ-02 algorithm.
const A = 6378245.0;
const EE = 0.00669342162296594323;

/** True when the point lies in the rough bounding box where GCJ-02 applies (outside it GCJ-02 = WGS-84). */
export function isInChina(lat, lng) {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function offset(lat, lng) {
  const x = lng - 105.0;
  const y = lat - 35.0;
  const { PI, sin, sqrt, abs, cos } = Math;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x))
    + (20.0 * sin(6.0 * x * PI) + 20.0 * sin(2.0 * x * PI)) * 2.0 / 3.0
    + (20.0 * sin(y * PI) + 40.0 * sin(y / 3.0 * PI)) * 2.0 / 3.0
    + (160.0 * sin(y / 12.0 * PI) + 320 * sin(y * PI / 30.0)) * 2.0 / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x))
    + (20.0 * sin(6.0 * x * PI) + 20.0 * sin(2.0 * x * PI)) * 2.0 / 3.0
    + (20.0 * sin(x * PI) + 40.0 * sin(x / 3.0 * PI)) * 2.0 / 3.0
    + (150.0 * sin(x / 12.0 * PI) + 300.0 * sin(x / 30.0 * PI)) * 2.0 / 3.0;
  const radLat = lat / 180.0 * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  dLat = dLat * 180.0 / (A * (1 - EE) / (magic * sqrtMagic) * PI);
  dLng = dLng * 180.0 / (A / sqrtMagic * cos(radLat) * PI);
  return [dLat, dLng];
}

/** WGS-84 → GCJ-02, as [lat, lng]. */
export function wgs84ToGcj02(lat, lng) {
  if (!isInChina(lat, lng)) return [lat, lng];
  const [dLat, dLng] = offset(lat, lng);
  return [lat + dLat, lng + dLng];
}

/** GCJ-02 → WGS-84, as [lat, lng]: no closed form, so the forward transform is inverted iteratively (< 1e-9°). */
export function gcj02ToWgs84(lat, lng) {
  if (!isInChina(lat, lng)) return [lat, lng];
  let wLat = lat;
  let wLng = lng;
  for (let i = 0; i < 30; i++) {
    const [fLat, fLng] = wgs84ToGcj02(wLat, wLng);
    const eLat = fLat - lat;
    const eLng = fLng - lng;
    wLat -= eLat;
    wLng -= eLng;
    if (Math.abs(eLat) < 1e-10 && Math.abs(eLng) < 1e-10) break;
  }
  return [wLat, wLng];
}
