using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Map.Tiles;

/// <summary>
/// Checks the base-map settings at start, naming the setting at fault: the field rules of
/// <see cref="MapOptions.BaseLayerOptions"/> (nested, so not reached by the top-level check) and what
/// each kind needs (a URL with the right placeholders, or a file path).
/// </summary>
public sealed class BaseMapOptionsValidation : IValidateOptions<MapOptions>
{
    private const string Prefix = "Map:BaseLayer:";

    public ValidateOptionsResult Validate(string? name, MapOptions options)
    {
        var o = options.BaseLayer;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(o, new ValidationContext(o), results, validateAllProperties: true);
        var failures = results.Select(r => r.ErrorMessage!.StartsWith(Prefix, StringComparison.Ordinal)
            ? r.ErrorMessage : $"{Prefix}{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
        if (failures.Count > 0) return ValidateOptionsResult.Fail(failures);

        switch (o.EffectiveKind)
        {
            case BaseMapKind.Xyz when !HasAll(o.Url, "{z}", "{x}", "{y}"):
                failures.Add($"{Prefix}Url must be a tile URL template with {{z}}, {{x}} and {{y}} for kind xyz.");
                break;
            case BaseMapKind.Wmts when !HasAll(o.Url, "{TileMatrix}", "{TileRow}", "{TileCol}") && !HasAll(o.Url, "{z}", "{x}", "{y}"):
                failures.Add($"{Prefix}Url must be a WMTS GetTile URL with {{TileMatrix}}, {{TileRow}} and {{TileCol}} for kind wmts.");
                break;
            case BaseMapKind.MbTiles or BaseMapKind.PmTiles when string.IsNullOrWhiteSpace(o.Path):
                failures.Add($"{Prefix}Path must name the tile file for kind {o.EffectiveKind.ToString().ToLowerInvariant()}.");
                break;
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private static bool HasAll(string? url, params string[] parts) =>
        url is not null && parts.All(p => url.Contains(p, StringComparison.OrdinalIgnoreCase));
}
