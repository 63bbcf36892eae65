using Microsoft.AspNetCore.Antiforgery;

namespace FireCommand.Web.Security;

/// <summary>
/// Cookie-authenticated writes must carry the anti-forgery header token; reads need not.
/// Applied to every API group.
/// </summary>
public sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
            HttpMethods.IsOptions(http.Request.Method))
            return await next(context);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Missing or invalid anti-forgery token",
                detail: "Fetch a token from GET /api/auth/antiforgery and send it in the X-XSRF-TOKEN header.");
        }
        return await next(context);
    }
}

public static class AntiforgeryFilterExtensions
{
    public static RouteGroupBuilder RequireAntiforgeryHeader(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<AntiforgeryFilter>();
}
