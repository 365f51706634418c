using System.Net;
using System.Net.Http.Headers;

namespace Crosscheck.Cli.Watch;

/// <summary>What one poll of a feed brought: its bytes, nothing new (304), or why it failed (one line's worth).</summary>
internal sealed record FeedFetch(byte[]? Body, string? Extension, EntityTagHeaderValue? ETag, DateTimeOffset? LastModified, string? Failure)
{
    public bool NotModified => Body is null && Failure is null;
}

/// <summary>
/// One RSS or Atom feed polled over HTTP. Each request is conditional on what the last answer said (If-None-Match with
/// its ETag, If-Modified-Since with its Last-Modified), so a feed that has not changed costs a 304 and no reading.
/// After a failure the feed waits twice the interval, then twice that, up to an hour (or the interval, when longer);
/// a success brings it back to the interval.
/// </summary>
internal sealed class FeedSource(Uri url)
{
    /// <summary>The longest wait after failures, unless the interval itself is longer.</summary>
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(1);

    public Uri Url { get; } = url;

    /// <summary>When the feed is polled next (at once, for a feed never polled).</summary>
    public DateTimeOffset Due { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Failures in a row.</summary>
    public int Failures { get; private set; }

    private EntityTagHeaderValue? _etag;
    private DateTimeOffset? _lastModified;

    public async Task<FeedFetch> FetchAsync(HttpClient http, long maxBytes, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        if (_etag is { } etag) request.Headers.IfNoneMatch.Add(etag);
        if (_lastModified is { } since) request.Headers.IfModifiedSince = since;
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            if (response.StatusCode == HttpStatusCode.NotModified) return new FeedFetch(null, null, null, null, null);
            if (!response.IsSuccessStatusCode) return Failed($"HTTP {(int)response.StatusCode}" + (response.ReasonPhrase is { Length: > 0 } reason ? $" ({reason})" : ""));
            if (response.Content.Headers.ContentLength > maxBytes) return Failed($"too large ({response.Content.Headers.ContentLength:N0} bytes; the limit is {maxBytes:N0})");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellation)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > maxBytes) return Failed($"too large (more than {maxBytes:N0} bytes)");
            }
            var media = response.Content.Headers.ContentType?.MediaType ?? "";
            // An XML answer is read as a feed; anything else is recognized from its content, as a file without an extension is.
            var extension = media.Contains("xml", StringComparison.OrdinalIgnoreCase) ? ".xml" : null;
            return new FeedFetch(buffer.ToArray(), extension, response.Headers.ETag, response.Content.Headers.LastModified, null);
        }
        catch (HttpRequestException ex)
        {
            return Failed("cannot fetch (" + OneLine(ex.InnerException?.Message ?? ex.Message) + ")");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Failed($"no answer within {WatchInterval.Format(http.Timeout)}");
        }
        catch (IOException ex)
        {
            return Failed("the connection broke (" + OneLine(ex.Message) + ")");
        }
    }

    /// <summary>The feed's items were stored: the next poll asks only for what changed since this answer.</summary>
    public void Accepted(FeedFetch fetch, DateTimeOffset now, TimeSpan every)
    {
        if (!fetch.NotModified)
        {
            _etag = fetch.ETag;
            _lastModified = fetch.LastModified;
        }
        Failures = 0;
        Due = now + every;
    }

    /// <summary>A failed poll: returns how long the feed now waits.</summary>
    public TimeSpan Failed(DateTimeOffset now, TimeSpan every)
    {
        Failures++;
        var wait = Backoff(every, Failures);
        Due = now + wait;
        return wait;
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: the interval doubled each time, capped.</summary>
    public static TimeSpan Backoff(TimeSpan every, int failures)
    {
        var cap = every > LongestBackoff ? every : LongestBackoff;
        var wait = every;
        for (var i = 0; i < failures && wait < cap; i++) wait += wait;
        return wait < cap ? wait : cap;
    }

    private static FeedFetch Failed(string reason) => new(null, null, null, null, reason);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
