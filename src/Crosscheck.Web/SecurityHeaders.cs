using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crosscheck.Web;

/// <summary>
/// What every response carries whatever it is (a page, JSON, a problem, the stylesheet): a Content-Security-Policy
/// that allows only this site's own stylesheet and forms (no script at all, nothing inline, no framing), nosniff and
/// no referrer. Requests for another host name than the configured ones are refused (400), so a DNS-rebinding page
/// cannot reach the server under its own name.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void AddHostsAllowed(this IServiceCollection services, IReadOnlyList<string> hosts) =>
        services.AddHostFiltering(o =>
        {
            o.AllowedHosts = [.. hosts];
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });

    /// <summary>Adds the headers as the response starts, so that responses an error handler rewrote carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        await next(context);
    });

    /// <summary>The stylesheet, readable without an account (the sign-in page uses it).</summary>
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(HtmlPage.StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Text(HtmlPage.Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
