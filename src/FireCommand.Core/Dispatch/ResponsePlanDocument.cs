namespace FireCommand.Core.Dispatch;

/// <summary>
/// A version of the province's response plans (等级调派方案) as edited through the API. The newest
/// row is in force; older rows stay as the history of who changed the plans and when. With no row,
/// the plans shipped with the platform apply.
/// </summary>
public sealed class ResponsePlanDocument
{
    public long Id { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
}
