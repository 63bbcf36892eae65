using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Risk;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FireCommand.Web.Sensing.Risk;

/// <summary>
/// The key places most at risk (风险): each place the caller's jurisdiction sees, scored from what it
/// is and what its monitoring says now, most at risk first, with every reason and the trend since the
/// previous reading. Anyone who may read key places may read their risk.
/// </summary>
public static class PlaceRiskEndpoints
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10000;

    public sealed record ReasonDto(string Code, double Points, double? Value);

    public sealed record PlaceRiskDto(long Id, string Name, string[] Categories, double Latitude, double Longitude,
        long JurisdictionId, double Score, RiskLevel Level, double StaticPoints, double LivePoints, ReasonDto[] Reasons,
        RiskTrend Trend);

    public static WebApplicationBuilder AddSensingRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RiskTrendBook>();
        return builder;
    }

    public static RouteGroupBuilder MapSensingRisk(this RouteGroupBuilder api)
    {
        api.MapGet("/sensing/risk", List).WithTags("Sensing");
        return api;
    }

    public static async Task<Results<Ok<PlaceRiskDto[]>, ValidationProblem>> List(int? limit, string? minLevel,
        FireCommandDbContext db, RiskTrendBook trends, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().OptionalRange("limit", limit, 1, MaxLimit);
        RiskLevel? floor = null;
        if (minLevel is not null)
        {
            // Names only: a number would slip past Enum.TryParse as an undefined level.
            if (Enum.TryParse<RiskLevel>(minLevel, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(minLevel[0]))
                floor = parsed;
            else v.Add("minLevel", "minLevel must be one of Low, General, Considerable, Major.");
        }
        if (!v.IsValid) return v.Problem();

        var now = clock.GetUtcNow();
        var scored = (await PlaceRiskFactsReader.ReadAsync(db, now, ct))
            .Select(x => (x.Place, Risk: PlaceRiskScorer.Score(x.Facts)))
            .Where(x => floor is null || x.Risk.Level >= floor)
            .OrderByDescending(x => x.Risk.Score).ThenBy(x => x.Place.Id)
            .Take(limit ?? DefaultLimit)
            .ToList();
        return TypedResults.Ok(scored.Select(x => new PlaceRiskDto(x.Place.Id, x.Place.Name,
            Map.MapLayers.CategoryNames(x.Place.Categories),
            x.Place.Location.Y, x.Place.Location.X, x.Place.JurisdictionId,
            x.Risk.Score, x.Risk.Level, Math.Round(x.Risk.StaticPoints, 1), Math.Round(x.Risk.LivePoints, 1),
            [.. x.Risk.Reasons.Select(r => new ReasonDto(r.Code, Math.Round(r.Points, 1), r.Value))],
            trends.Observe(x.Place.Id, x.Risk.Score, now))).ToArray());
    }
}
