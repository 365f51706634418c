using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Crosscheck.Web;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (issue 15 item 6): the JSON API only (pages are for browsers), its two
/// ways in as security schemes (an account's key as a Bearer token, the session cookie of a signed-in browser), an
/// operation id for each operation (its handler's name) and every problem each one answers with. The document is
/// checked by <c>redocly lint</c> (README, OpenAPI).
/// </summary>
internal static class ApiDescription
{
    public const string BearerScheme = "bearer";
    public const string SessionScheme = "session";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Documents", "The stored articles: their text, metadata and segments, and where each was read from."),
        ("Stories", "Documents about the same development, with their incidents."),
        ("Incidents", "Real-world events, each with the reports that tell of it, how sure the record is and where reports disagree."),
        ("Events", "What one report says happened, as read from its text."),
        ("Review", "Analysts' decisions over the machine's reading, kept in order and revertible."),
    ];

    public static IServiceCollection AddApiDescription(this IServiceCollection services, WebOptions options) =>
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document, options);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, context);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document, WebOptions options)
    {
        document.Info.Title = "Crosscheck";
        document.Info.Description = "The sourced record as JSON: documents, stories, incidents and events, and analysts' review decisions. "
            + "Reads need a reader's key or session" + (options.Public ? " (this server lets anyone read)" : "")
            + "; every write needs an analyst's. Errors are problem details (RFC 9457).";
        // A server URL ends without a slash, so paths ("/api/...") join it cleanly.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An account's key, made by `crosscheck users add NAME --role reader|analyst|admin`: `Authorization: Bearer KEY`.",
        };
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "crosscheck-session",
            Description = "The session of a browser signed in at /login. A write made with it also needs the page's form token (header RequestVerificationToken).",
        };
        document.Security = Either(document, anonymous: options.Public);
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }

    /// <summary>A key or a session; with <paramref name="anonymous"/>, also nothing (an empty requirement).</summary>
    private static List<OpenApiSecurityRequirement> Either(OpenApiDocument? document, bool anonymous)
    {
        var requirements = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new() { [new OpenApiSecuritySchemeReference(SessionScheme, document)] = [] },
        };
        if (anonymous) requirements.Add(new OpenApiSecurityRequirement());
        return requirements;
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (operation.OperationId is null && metadata.OfType<MethodInfo>().FirstOrDefault() is { } method)
        {
            operation.OperationId = char.ToLowerInvariant(method.Name[0]) + method.Name[1..];
        }
        // Writes need an analyst even on a public server, so they name their schemes themselves.
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == AccessControl.WritePolicy))
        {
            operation.Security = Either(context.Document, anonymous: false);
        }
    }

    /// <summary>Reads answer 401 without an account unless the server is public.</summary>
    public static TBuilder ReadProblems<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app) where TBuilder : IEndpointConventionBuilder =>
        app.ServiceProvider.GetRequiredService<WebOptions>().Public ? builder : builder.Problems(StatusCodes.Status401Unauthorized);

    /// <summary>Declares that the endpoint may answer with a problem (<c>application/problem+json</c>) of each status.</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
        return builder;
    }
}
