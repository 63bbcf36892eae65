namespace FireCommand.Web.Shared;

/// <summary>
/// Checks every endpoint's query and route parameters in one place, before the handler runs: an enum
/// must hold one of its named values (model binding accepts any number, so <c>state=99</c> would pass)
/// and a number must be finite (<c>radiusMeters=NaN</c> parses). A failure is a ProblemDetails whose
/// <c>errors</c> name the parameter, like every other validation error.
/// </summary>
public static class ParameterChecks
{
    public static RouteGroupBuilder CheckParameters(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((endpoint, next) =>
        {
            var checks = endpoint.MethodInfo.GetParameters()
                .Select((p, index) => (Name: p.Name ?? $"#{index}", Index: index,
                    Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
                .Where(p => p.Type.IsEnum ? !p.Type.IsDefined(typeof(FlagsAttribute), false) : p.Type == typeof(double) || p.Type == typeof(float))
                .ToArray();
            if (checks.Length == 0) return next;
            return async context =>
            {
                var v = new Validation();
                foreach (var (name, index, type) in checks)
                {
                    switch (context.Arguments[index])
                    {
                        case Enum e when !Enum.IsDefined(type, e):
                            v.Add(name, $"{name} must be one of {string.Join(", ", Enum.GetNames(type))}.");
                            break;
                        case double d when !double.IsFinite(d):
                        case float f when !float.IsFinite(f):
                            v.Add(name, $"{name} must be a finite number.");
                            break;
                    }
                }
                return v.IsValid ? await next(context) : v.Problem();
            };
        });
        return group;
    }
}
