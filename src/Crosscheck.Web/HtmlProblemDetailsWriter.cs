using Microsoft.AspNetCore.Http;

namespace Crosscheck.Web;

/// <summary>
/// Writes problems as a small HTML page for browsers on the site's pages; the API and any client that
/// does not ask for HTML falls through to the default JSON problem writer.
/// </summary>
internal sealed class HtmlProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments("/api")) return false;
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        if (problem.Status is { } status) response.StatusCode = status;
        var title = problem.Title ?? "Something went wrong";

        var body = new System.Text.StringBuilder();
        body.Append("""<div class="problem"><h1>""").Append(HtmlPage.Encode(title)).Append("</h1>");
        if (problem.Detail is not null) body.Append("<p>").Append(HtmlPage.Encode(problem.Detail)).Append("</p>");
        if (problem is HttpValidationProblemDetails validation)
        {
            body.Append("<ul>");
            foreach (var message in validation.Errors.SelectMany(e => e.Value)) body.Append("<li>").Append(HtmlPage.Encode(message)).Append("</li>");
            body.Append("</ul>");
        }
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            // Back to the page asked for after signing in; a refused form post starts again from its page.
            var request = context.HttpContext.Request;
            var back = HttpMethods.IsGet(request.Method) ? "?returnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString) : "";
            body.Append("""<p><a class="sign-in" href="/login""").Append(HtmlPage.Attr(back)).Append("\">Sign in</a></p>");
        }
        body.Append("""<p><a href="/documents">← All documents</a></p></div>""");

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(HtmlPage.Render(title, body.ToString()), context.HttpContext.RequestAborted);
    }
}
