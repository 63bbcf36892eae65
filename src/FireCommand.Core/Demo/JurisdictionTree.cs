using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>The jurisdiction rows: 总队 (id 1) → 支队 per city → 大队 per district or county.</summary>
internal static class JurisdictionTree
{
    public static List<Jurisdiction> Build(AdminPlan admin)
    {
        var shape = admin.Shape;
        var rows = new List<Jurisdiction>
        {
            new()
            {
                Id = 1, Name = $"{shape.Name}消防救援总队", Code = $"{shape.CodePrefix}0000",
                Level = JurisdictionLevel.Corps, ParentId = null, Boundary = admin.ProvinceBoundary,
            },
        };
        foreach (var city in admin.Cities)
        {
            rows.Add(new Jurisdiction
            {
                Id = city.DetachmentId, Name = $"{city.Name.Name}消防救援支队", Code = city.Code,
                Level = JurisdictionLevel.Detachment, ParentId = 1, Boundary = city.Boundary,
            });
        }
        foreach (var brigade in admin.Brigades)
        {
            rows.Add(new Jurisdiction
            {
                Id = brigade.Id, Name = $"{brigade.Name.Name}大队", Code = brigade.Code,
                Level = JurisdictionLevel.Brigade, ParentId = brigade.City.DetachmentId, Boundary = brigade.Boundary,
            });
        }
        return rows;
    }
}
