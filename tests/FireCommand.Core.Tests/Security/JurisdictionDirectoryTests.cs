using FireCommand.Core.Resources;
using FireCommand.Core.Security;

namespace FireCommand.Core.Tests.Security;

public class JurisdictionDirectoryTests
{
    internal static JurisdictionDirectory Tree()
    {
        var d = new JurisdictionDirectory();
        d.Load(
        [
            J(1, null, JurisdictionLevel.Corps),
            J(2, 1, JurisdictionLevel.Detachment), J(3, 1, JurisdictionLevel.Detachment),
            J(4, 2, JurisdictionLevel.Brigade), J(5, 2, JurisdictionLevel.Brigade), J(6, 3, JurisdictionLevel.Brigade),
        ]);
        return d;
    }

    private static Jurisdiction J(long id, long? parent, JurisdictionLevel level) =>
        new() { Id = id, ParentId = parent, Level = level, Name = $"J{id}", Code = $"{id:000000}" };

    [Fact]
    public void Corps_SeesAll() => Assert.True(Tree().ScopeFor(1).SeesAll);

    [Fact]
    public void Detachment_SeesItselfAndItsBrigadesOnly()
    {
        var scope = Tree().ScopeFor(2);
        Assert.False(scope.SeesAll);
        Assert.Equal([2, 4, 5], scope.VisibleIds.Order());
    }

    [Fact]
    public void Brigade_SeesOnlyItself() => Assert.Equal([6], Tree().ScopeFor(6).VisibleIds);

    [Fact]
    public void UnknownJurisdiction_SeesNothing()
    {
        var scope = Tree().ScopeFor(42);
        Assert.False(scope.SeesAll);
        Assert.Empty(scope.VisibleIds);
    }
}
