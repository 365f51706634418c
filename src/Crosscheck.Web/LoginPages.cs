using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>
/// Signing in and out of a session with an account's key. Both are forms with an antiforgery token, so another
/// site can neither sign a reader in to an account of its choosing nor sign them out.
/// </summary>
internal static class LoginPages
{
    public static IEndpointRouteBuilder MapLoginPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", LoginPage).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", Login).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapPost("/logout", Logout).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Render(context, antiforgery, LocalPath(returnUrl), null, StatusCodes.Status200OK);

    public static async Task<IResult> Login(HttpContext context, IAntiforgery antiforgery, UserDirectory users)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Expired();
        // A token sent as a header with a body that is not a form: no key was sent.
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var returnUrl = LocalPath(form["returnUrl"]);
        if (users.FindByKey(form["key"].ToString().Trim()) is not { } account)
        {
            return Render(context, antiforgery, returnUrl, "That key is not the key of any account.", StatusCodes.Status401Unauthorized);
        }
        await context.SignInAsync(AccessControl.SessionScheme, AccessControl.Principal(account, AccessControl.SessionScheme));
        return new SeeOther(returnUrl ?? "/");
    }

    public static async Task<IResult> Logout(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Expired();
        await context.SignOutAsync(AccessControl.SessionScheme);
        return new SeeOther("/login");
    }

    private static IResult Expired() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired",
        detail: "The request did not carry this site's form token. Reload the page and try again.");

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var html = new HtmlPage();
        var user = context.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
        html.Raw("<h1>Sign in</h1>\n");
        if (user is not null)
        {
            var signedOutToken = antiforgery.GetAndStoreTokens(context);
            html.Raw("""<p class="summary signed-in">Signed in as <strong>""").Text(user).Raw("</strong>.</p>")
                .Raw("""<form class="logout" method="post" action="/logout">""").Raw(TokenField(signedOutToken))
                .Raw("""<button type="submit">Sign out</button></form>""" + "\n");
        }
        if (error is not null) html.Raw("""<p class="problem login-error" role="alert">""").Text(error).Raw("</p>\n");
        var token = antiforgery.GetAndStoreTokens(context);
        html.Raw("""<form class="login" method="post" action="/login">""").Raw(TokenField(token));
        if (returnUrl is not null) html.Raw($"""<input type="hidden" name="returnUrl" value="{HtmlPage.Attr(returnUrl)}">""");
        html.Raw("""<label for="key">Key</label> <input id="key" name="key" type="password" autocomplete="current-password" required size="48">""")
            .Raw("""<button type="submit">Sign in</button></form>""" + "\n");
        html.Raw("""<p class="muted">A key is made by <code>crosscheck users add NAME --role reader|analyst|admin</code>.</p>""");
        return html.ToResult("Sign in", status);
    }

    internal static string TokenField(AntiforgeryTokenSet token) =>
        $"""<input type="hidden" name="{HtmlPage.Attr(token.FormFieldName)}" value="{HtmlPage.Attr(token.RequestToken)}">""";

    /// <summary>Only a path of this site is a place to return to: never another site (<c>//evil</c>, <c>/\evil</c>, <c>https://…</c>).</summary>
    private static string? LocalPath(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Any(char.IsControl) ? url : null;
}

/// <summary>303: after a form post, the browser goes to the new page with a GET (reloading it posts nothing again).</summary>
internal sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
