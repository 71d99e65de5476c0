using Microsoft.AspNetCore.Diagnostics;

namespace OrleansAI.Api;

/// <summary>
/// Errors as problem details, with the request's own faults kept as the 4xx they are. Minimal APIs
/// report a body, query or header they cannot bind as <see cref="BadHttpRequestException"/>; in
/// Development (where <c>ThrowOnBadRequest</c> is on) it is thrown, and the exception handler would
/// otherwise answer every exception with 500.
/// </summary>
public static class ProblemResponses
{
    /// <summary>Registers problem details that name what could not be read from a bad request.</summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                // The framework's message names the parameter and source ("... from the request body as JSON"), never a value.
                context.ProblemDetails.Detail = bad.Message;
            }
        });

    /// <summary>
    /// Handles exceptions as problem details: a bad request keeps its status and is not logged as a
    /// server error (a client could fill the log with them; the framework notes each at debug level),
    /// anything else is 500.
    /// </summary>
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
}
