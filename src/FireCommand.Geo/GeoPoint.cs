namespace FireCommand.Geo; public readonly record struct GeoPoint(double Latitude, double Longitude);
