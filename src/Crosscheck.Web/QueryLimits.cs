using Crosscheck.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Crosscheck.Web;

/// <summary>The length limit on what a request asks the database (or the record) to search for.</summary>
internal static class QueryLimits
{
    /// <summary>Adds an error for each of the named values longer than the server's limit.</summary>
    public static void Check(WebOptions options, Dictionary<string, string[]> errors, params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (value is { } v && v.Length > options.MaxQueryLength)
            {
                errors[name] = [$"{name} must be at most {options.MaxQueryLength} characters (it has {v.Length})."];
            }
        }
    }
}

/// <summary>A read interrupted at its time limit is a 503 problem that says so, not a server error.</summary>
internal sealed class QueryTimeLimitHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not QueryTimeLimitException timeout) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The query took too long",
                Detail = $"It was stopped after {timeout.Limit.TotalSeconds:0.###} s. Try fewer or more distinctive words.",
            },
        });
    }
}
