using FireCommand.Core.Resources;

namespace FireCommand.Core.Security;

/// <summary>
/// In-memory copy of the jurisdiction tree (a few hundred nodes at most) used to expand a user's
/// jurisdiction to everything below it. Thread-safe: the snapshot is replaced atomically.
/// </summary>
public sealed class JurisdictionDirectory
{
    private volatile Snapshot _snapshot = new([], []);

    private sealed record Snapshot(Dictionary<long, List<long>> Children, Dictionary<long, Jurisdiction> ById);

    public bool IsLoaded => _snapshot.ById.Count > 0;

    public void Load(IEnumerable<Jurisdiction> all)
    {
        var byId = all.ToDictionary(j => j.Id, j => new Jurisdiction
        {
            Id = j.Id, Name = j.Name, Code = j.Code, Level = j.Level, ParentId = j.ParentId,
        });
        var children = new Dictionary<long, List<long>>();
        foreach (var j in byId.Values.Where(j => j.ParentId is not null))
        {
            if (!children.TryGetValue(j.ParentId!.Value, out var list)) children[j.ParentId.Value] = list = [];
            list.Add(j.Id);
        }
        _snapshot = new Snapshot(children, byId);
    }

    public Jurisdiction? Find(long id) => _snapshot.ById.GetValueOrDefault(id);

    /// <summary>True when the jurisdiction is the root of the tree (the corps).</summary>
    public bool IsRoot(long id) => Find(id) is { ParentId: null };

    /// <summary>The jurisdiction and all its descendants, in breadth-first order.</summary>
    public long[] SelfAndDescendants(long id)
    {
        var s = _snapshot;
        if (!s.ById.ContainsKey(id)) return [];
        var result = new List<long> { id };
        for (var i = 0; i < result.Count; i++)
            if (s.Children.TryGetValue(result[i], out var kids)) result.AddRange(kids);
        return [.. result];
    }

    /// <summary>The jurisdiction and every node above it up to the corps: who must hear of a change there.</summary>
    public IReadOnlyList<long> SelfAndAncestors(long id)
    {
        var s = _snapshot;
        var result = new List<long>();
        for (var current = s.ById.GetValueOrDefault(id); current is not null && result.Count < 16;
             current = current.ParentId is { } p ? s.ById.GetValueOrDefault(p) : null)
            result.Add(current.Id);
        return result;
    }

    /// <summary>Builds the scope of a user bound to <paramref name="jurisdictionId"/>.</summary>
    public IJurisdictionScope ScopeFor(long jurisdictionId) =>
        IsRoot(jurisdictionId)
            ? FixedJurisdictionScope.System
            : new FixedJurisdictionScope(false, SelfAndDescendants(jurisdictionId));
}
