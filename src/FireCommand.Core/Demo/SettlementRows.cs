using FireCommand.Core.Map;
using FireCommand.Core.Shared;

namespace FireCommand.Core.Demo;

/// <summary>The settlement rows, ids as planned (cities, county seats, towns, villages).</summary>
internal static class SettlementRows
{
    public static List<Settlement> Build(SettlementPlan plan) =>
        plan.All.Select(s => new Settlement
        {
            Id = s.Id,
            Name = s.Name.Name,
            Kind = s.Kind,
            Location = Geography.Factory.CreatePoint(s.LonLat.Copy()),
            Population = s.Population,
            JurisdictionId = s.Brigade.Id,
        }).ToList();
}
