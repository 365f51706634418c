using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Crosscheck.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crosscheck.Web;

/// <summary>
/// Who may do what. A request carries an account's key (<c>Authorization: Bearer KEY</c>) or a session cookie made by
/// signing in with that key at <c>/login</c>. Reading needs a reader (unless the server is public), every write an
/// analyst or admin; a write made with a session also needs the page's antiforgery token. Refusals are problem
/// details: 401 without an account (or with a wrong key), 403 with one that may not.
/// </summary>
internal static class AccessControl
{
    /// <summary>Chooses the key or the session for each request.</summary>
    public const string Scheme = "crosscheck";
    public const string KeyScheme = "key";
    public const string SessionScheme = "session";

    public const string ReadPolicy = "read";
    public const string WritePolicy = "write";

    private const string IdClaim = "crosscheck:user";

    public static void AddAccessControl(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton<UserDirectory>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? KeyScheme : SessionScheme)
            .AddScheme<AuthenticationSchemeOptions, KeyAuthenticationHandler>(KeyScheme, null)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = "crosscheck-session";
                o.Cookie.HttpOnly = true;
                // Another site's form or link never carries the session; the antiforgery token guards the rest.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSession;
            });
        services.AddAuthorization(o =>
        {
            var read = new AuthorizationPolicyBuilder().RequireRole(RolesFrom(Role.Reader)).Build();
            o.AddPolicy(ReadPolicy, read);
            o.AddPolicy(WritePolicy, p => p.RequireRole(RolesFrom(Role.Analyst)));
            // Every endpoint that says nothing else (pages, API, OpenAPI document) needs a reader, unless public.
            o.FallbackPolicy = options.Public ? null : read;
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
    }

    /// <summary>The role names that allow what <paramref name="needed"/> allows.</summary>
    private static string[] RolesFrom(Role needed) => [.. Enum.GetValues<Role>().Where(r => r.Allows(needed)).Select(Roles.Name)];

    /// <summary>The signed-in user of an account, told how they proved it (the scheme).</summary>
    public static ClaimsPrincipal Principal(UserAccount account, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(IdClaim, account.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Role, Roles.Name(account.Role)),
        ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether the request's user may change the record.</summary>
    public static bool CanWrite(ClaimsPrincipal user) => RolesFrom(Role.Analyst).Any(user.IsInRole);

    /// <summary>Whether the request proved its account with a key (a header another site cannot make a browser send).</summary>
    public static bool ByKey(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, AuthenticationType: KeyScheme };

    /// <summary>A session lasts only while its account does: a removed account's session is ended, a changed role applies at once.</summary>
    private static async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        var id = context.Principal?.FindFirst(IdClaim)?.Value;
        var account = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? users.Find(n) : null;
        if (account is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionScheme);
            return;
        }
        if (!context.Principal!.IsInRole(Roles.Name(account.Role)) || context.Principal.Identity?.Name != account.Name)
        {
            context.ReplacePrincipal(Principal(account, SessionScheme));
            context.ShouldRenew = true;
        }
    }

    /// <summary>
    /// A write made with a session must carry the page's antiforgery token (a form field, or the
    /// <c>RequestVerificationToken</c> header for a script); a write made with a key needs none.
    /// </summary>
    public static async Task<IResult?> CheckFormToken(HttpContext context)
    {
        if (ByKey(context.User)) return null;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (await antiforgery.IsRequestValidAsync(context)) return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired",
            detail: "The request did not carry this site's form token. Reload the page and try again.");
    }

    /// <summary>Requires an analyst (or admin) and, for a session, the form token: 401, 403 and 400 (an expired form) otherwise.</summary>
    public static TBuilder RequireWriter<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(WritePolicy).AddEndpointFilter(async (context, next) =>
            await CheckFormToken(context.HttpContext) ?? await next(context))
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}

/// <summary>Authenticates <c>Authorization: Bearer KEY</c> against the accounts' key hashes.</summary>
internal sealed class KeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("not a Bearer key"));
        }
        if (users.FindByKey(header["Bearer ".Length..].Trim()) is not { } account)
        {
            return Task.FromResult(AuthenticateResult.Fail("no account has this key"));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(AccessControl.Principal(account, Scheme.Name), Scheme.Name)));
    }
}

/// <summary>401 and 403 as problem details (JSON for the API, a page for browsers), never a redirect.</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await next(context);
            return;
        }
        var keySent = context.Request.Headers.Authorization.Count > 0;
        var problem = result.Forbidden
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = $"The account '{context.User.Identity?.Name}' may not do this: changing the record needs an analyst or admin account.",
            }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in needed",
                Detail = keySent
                    ? "The key sent is not the key of any account (send 'Authorization: Bearer KEY' with a key from 'crosscheck users add')."
                    : "Send an account's key as 'Authorization: Bearer KEY', or sign in at /login.",
            };
        context.Response.StatusCode = problem.Status!.Value;
        if (!result.Forbidden) context.Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
