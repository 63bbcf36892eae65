using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Simulation;

/// <summary>A call the demo simulator places, as a caller would describe it.</summary>
public sealed record SimulatedCall(GeoPoint Location, string Address, IncidentType Type, string Subtype,
    string Description, int Trapped, string CallerNumber);

/// <summary>Where calls come from: a settlement and how many people live there.</summary>
public sealed record DemandPoint(GeoPoint Location, string Name, int Population, bool Urban);
