using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Crosscheck.Tests.Web;

/// <summary>A page read as a browser would: its status checked, an answered page checked to be HTML, then parsed.</summary>
internal static class HtmlPages
{
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(status, path);
        if (status == HttpStatusCode.OK) response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
