using System.Buffers;
using System.Runtime.InteropServices;
using System.Threading.RateLimiting;
using Google.Protobuf;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansAI.Api.Inference;

namespace OrleansAI.Api.Apis;

/// <summary>
/// The Open Inference Protocol (KServe v2) over HTTP: health, server and model metadata, model
/// readiness and inference, with its <c>{"error": "..."}</c> bodies. Model names are the caller's
/// own, or <c>OWNER.MODEL</c> for one another client granted it (read for metadata, use for
/// inference); requests are bounded in size (413) and rate per client (429 with Retry-After).
/// </summary>
public static class InferenceApi
{
    /// <summary>The rate-limiting policy of inference requests.</summary>
    public const string RatePolicy = "inference";

    /// <summary>Largest output one request may produce (the provider stream carries it back).</summary>
    public const long MaxOutputBytes = 2 * 1024 * 1024;

    /// <summary>Header of the binary tensor data extension.</summary>
    public const string BinaryHeader = Sdk.Inference.InferenceHeaders.HeaderContentLength;

    /// <summary>Registers the router, the model resolver and the per-client rate limiter.</summary>
    public static WebApplicationBuilder AddInference(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<InferenceOptions>(builder.Configuration.GetSection(InferenceOptions.Section));
        builder.Services.AddSingleton<ServingDirectory>();
        builder.Services.AddSingleton<InferenceRouter>();
        builder.Services.AddSingleton<TrustedVerifier>();
        builder.Services.AddSingleton<ServedModels>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RatePolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<InferenceOptions>>().Value;
                var client = ClientRateLimits.Caller(http);
                var rate = options.ClientLimits.TryGetValue(client, out var own) ? own : options.RequestsPerSecond;
                var burst = options.ClientLimits.ContainsKey(client) ? own : options.Burst;
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, burst),
                    TokensPerPeriod = Math.Max(1, rate / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }

    /// <summary>Maps <c>/v2/...</c>.</summary>
    public static IEndpointRouteBuilder MapInferenceApi(this IEndpointRouteBuilder endpoints)
    {
        // Server liveness, readiness and metadata are the protocol's open probes; models need a key.
        var open = endpoints.MapGroup("/v2").WithTags("Inference (Open Inference Protocol v2)").AllowAnonymous();
        open.MapGet("/health/live", (HttpContext http) => OipJson.ObjectAsync(http, 200, j => j.WriteBoolean("live", true)))
            .WithName("OipServerLive").WithSummary("Whether the server can take requests.");
        open.MapGet("/health/ready", ServerReadyAsync).WithName("OipServerReady").WithSummary("Whether the server reaches its cluster.");
        open.MapGet("/", ServerMetadataAsync).WithName("OipServerMetadata").WithSummary("Server name, version and the protocol extensions it supports.");
        var models = endpoints.MapGroup("/v2/models").WithTags("Inference (Open Inference Protocol v2)").RequireAuthorization();
        models.MapGet("/{name}", (HttpContext http, string name, ServedModels served) => MetadataAsync(http, name, null, served)).WithName("OipModelMetadata");
        models.MapGet("/{name}/versions/{version}", (HttpContext http, string name, string version, ServedModels served) => MetadataAsync(http, name, version, served)).WithName("OipModelVersionMetadata");
        models.MapGet("/{name}/ready", (HttpContext http, string name, ServedModels served, ServingDirectory nodes) => ReadyAsync(http, name, null, served, nodes)).WithName("OipModelReady");
        models.MapGet("/{name}/versions/{version}/ready", (HttpContext http, string name, string version, ServedModels served, ServingDirectory nodes) => ReadyAsync(http, name, version, served, nodes)).WithName("OipModelVersionReady");
        models.MapPost("/{name}/infer", (HttpContext http, string name) => InferAsync(http, name, null)).RequireRateLimiting(RatePolicy).WithName("OipInfer")
            .WithSummary("Runs the newest deployed version of one of the caller's models.");
        models.MapPost("/{name}/versions/{version}/infer", (HttpContext http, string name, string version) => InferAsync(http, name, version)).RequireRateLimiting(RatePolicy).WithName("OipInferVersion")
            .WithSummary("Runs a version of one of the caller's models; parameters 'replication' (nodes to compare) and 'timeout_ms' are honoured.");
        return endpoints;
    }

    private static async Task ServerReadyAsync(HttpContext http, HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(r => r.Name == HealthCheckNames.Cluster, http.RequestAborted);
        var ready = report.Status == HealthStatus.Healthy;
        await OipJson.ObjectAsync(http, ready ? 200 : 503, j => j.WriteBoolean("ready", ready));
    }

    private static Task ServerMetadataAsync(HttpContext http) => OipJson.ObjectAsync(http, 200, j =>
    {
        j.WriteString("name", "orleansai");
        j.WriteString("version", typeof(InferenceApi).Assembly.GetName().Version?.ToString(3) ?? "0.1.0");
        j.WriteStartArray("extensions");
        j.WriteStringValue("binary_tensor_data");
        j.WriteStringValue("classification");
        j.WriteEndArray();
    });

    private static async Task MetadataAsync(HttpContext http, string name, string? version, ServedModels served)
    {
        var model = await served.FindAsync(http.User.ClientId(), name, version, AccessRights.Read);
        if (model is null)
        {
            await OipJson.ErrorAsync(http, 404, Unknown(name, version));
            return;
        }

        await OipJson.ObjectAsync(http, 200, j => OipJson.Metadata(j, model));
    }

    private static async Task ReadyAsync(HttpContext http, string name, string? version, ServedModels served, ServingDirectory nodes)
    {
        var model = await served.FindAsync(http.User.ClientId(), name, version, AccessRights.Read);
        if (model is null)
        {
            await OipJson.ErrorAsync(http, 404, Unknown(name, version));
            return;
        }

        var ready = model.Deployed && (!nodes.Nodes(model.ModelKey).IsEmpty || model.ReadyNodes.Count > 0);
        await OipJson.ObjectAsync(http, ready ? 200 : 503, j =>
        {
            j.WriteString("name", name);
            j.WriteString("version", model.Version.ToString(CultureInfo.InvariantCulture));
            j.WriteBoolean("ready", ready);
        });
    }

    private static async Task InferAsync(HttpContext http, string name, string? version)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var caller = http.User.ClientId();
        var model = await services.GetRequiredService<ServedModels>().FindAsync(caller, name, version, AccessRights.Use);
        var audit = services.GetRequiredService<IAuditLog>();
        if (model is null)
        {
            var (owner, modelName) = ServedModels.Split(caller, name);
            if (owner != caller && AccessGrants.IsClientId(owner) && ModelsApi.IsName(modelName))
            {
                // Another client's model, not granted (or not there): its owner sees the attempt.
                var resource = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 10_000
                    ? AccessResource.ModelVersion(owner, modelName, v).Key
                    : $"{AccessResource.ModelKind}/{owner}/{modelName}";
                audit.Record(new AuditEvent(caller, AuditActions.ModelInfer, resource, owner, Hosting.Audit.AuditSource.Of(http), false, "no use grant"));
            }

            await OipJson.ErrorAsync(http, 404, Unknown(name, version));
            return;
        }

        // Folded by the log: one entry per caller, version, source and second however many calls.
        audit.Record(new AuditEvent(caller, AuditActions.ModelInfer, model.ResourceKey, model.Resource.Owner, Hosting.Audit.AuditSource.Of(http), true));

        if (!model.Deployed)
        {
            await OipJson.ErrorAsync(http, 404, $"version {model.Version} of model '{name}' is not deployed");
            return;
        }

        if (http.Request.ContentLength > options.MaxRequestBytes)
        {
            await OipJson.ErrorAsync(http, 413, $"the request is {http.Request.ContentLength} bytes; the limit is {options.MaxRequestBytes}");
            return;
        }

        var body = await ReadBodyAsync(http, options.MaxRequestBytes);
        if (body is null)
        {
            await OipJson.ErrorAsync(http, 413, $"the request is larger than the limit of {options.MaxRequestBytes} bytes");
            return;
        }

        try
        {
            await RunAsync(http, model, body.Value, options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Value.Array!);
        }
    }

    private static async Task RunAsync(HttpContext http, ServedModel model, ArraySegment<byte> body, InferenceOptions options)
    {
        OipInferRequest request;
        int rows;
        int replication;
        TimeSpan timeout;
        try
        {
            int? headerLength = null;
            if (http.Request.Headers.TryGetValue(BinaryHeader, out var header))
            {
                headerLength = int.TryParse(header.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h <= body.Count
                    ? h
                    : throw new OipRequestException($"{BinaryHeader} must be a whole number no larger than the body");
            }

            request = OipRequestReader.Read(body, headerLength, OipLimits.Default);
            rows = Rows(request, model, options);
            var settings = model.Deployment!.Settings;
            replication = Integer(request, "replication", settings.Replication, 1, Grains.Interfaces.Inference.DeploymentSettings.MaxReplication);
            timeout = TimeSpan.FromMilliseconds(Integer(request, "timeout_ms", (int)options.DefaultTimeout.TotalMilliseconds, 1, (int)options.MaxTimeout.TotalMilliseconds));
        }
        catch (OipRequestException ex)
        {
            await OipJson.ErrorAsync(http, 400, ex.Message);
            return;
        }

        var deployment = model.Deployment.Settings;
        var input = request.Inputs[0].Values;
        var call = new InferenceCall(
            model.ModelKey,
            ByteString.CopyFrom(MemoryMarshal.AsBytes(input.AsSpan())),
            rows,
            model.OutputWidth,
            replication,
            replication > 1 ? 0 : deployment.AuditRate,
            deployment.Tolerance > 0 ? ComparisonRule.Within(deployment.Tolerance) : ComparisonRule.Classifier,
            timeout,
            request.Id ?? http.TraceIdentifier,
            model.ReadyNodes,
            replication > 1 ? 0 : deployment.VerifyRate,
            model.Deployment.Placement);
        var outcome = await http.RequestServices.GetRequiredService<InferenceRouter>().RunAsync(call, http.RequestAborted);
        if (outcome.Output is null)
        {
            if (outcome.Status == 503)
            {
                http.Response.Headers.RetryAfter = "1";
            }

            await OipJson.ErrorAsync(http, outcome.Status, outcome.Error ?? "inference failed");
            return;
        }

        IReadOnlyList<OipOutputTensor> outputs;
        try
        {
            outputs = InferenceOutputs.Build(request, model, outcome.Output, rows);
        }
        catch (OipRequestException ex)
        {
            await OipJson.ErrorAsync(http, 400, ex.Message);
            return;
        }

        IReadOnlyDictionary<string, JsonElement>? parameters = replication > 1
            ? new Dictionary<string, JsonElement>
            {
                ["replicas_answered"] = JsonSerializer.SerializeToElement(outcome.Answered),
                ["replicas_agreed"] = JsonSerializer.SerializeToElement(outcome.Agreed),
            }
            : null;
        var buffer = new ArrayBufferWriter<byte>(1024 + outcome.Output.Length * 12);
        var jsonLength = OipResponseWriter.Write(buffer, model.Name, model.Version.ToString(CultureInfo.InvariantCulture), request.Id, outputs, parameters);
        http.Response.StatusCode = 200;
        if (jsonLength is { } length)
        {
            http.Response.Headers[BinaryHeader] = length.ToString(CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/octet-stream";
        }
        else
        {
            http.Response.ContentType = "application/json";
        }

        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static int Rows(OipInferRequest request, ServedModel model, InferenceOptions options)
    {
        if (request.Inputs.Count != 1)
        {
            throw new OipRequestException($"the model takes one input, '{model.InputName}'; the request has {request.Inputs.Count}");
        }

        var input = request.Inputs[0];
        if (input.Name != model.InputName)
        {
            throw new OipRequestException($"unknown input '{input.Name}'; the model takes '{model.InputName}'");
        }

        if (input.Datatype is OipDatatype.Bool or OipDatatype.Bytes)
        {
            throw new OipRequestException($"inputs[0] is {OipDatatypes.Name(input.Datatype)}; the model takes FP32 (other numeric types are converted)");
        }

        var shape = input.Shape;
        if (shape.Length != model.RowShape.Length + 1 || !shape.AsSpan(1).SequenceEqual(model.RowShape))
        {
            throw new OipRequestException($"inputs[0].shape [{string.Join(',', shape)}] does not match the model's [-1,{string.Join(',', model.RowShape)}]");
        }

        // Outputs come back over the provider stream, whose messages are bounded: cap rows by output size too.
        var maxRows = (int)Math.Min(options.MaxRows, MaxOutputBytes / (model.OutputWidth * (long)sizeof(float)));
        return shape[0] is >= 1 && shape[0] <= maxRows
            ? (int)shape[0]
            : throw new OipRequestException($"inputs[0] must have 1 to {maxRows} rows; it has {shape[0]}");
    }

    private static int Integer(OipInferRequest request, string name, int fallback, int min, int max)
    {
        if (!request.Parameters.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new OipRequestException($"parameters.{name} must be a whole number from {min} to {max}");
    }

    private static async Task<ArraySegment<byte>?> ReadBodyAsync(HttpContext http, long limit)
    {
        var capacity = (int)Math.Min(limit + 1, http.Request.ContentLength is { } known ? known + 1 : 64 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1024));
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, buffer.Length * 2L));
                buffer.AsSpan(0, read).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var n = await http.Request.Body.ReadAsync(buffer.AsMemory(read), http.RequestAborted);
            if (n == 0)
            {
                break;
            }

            read += n;
            if (read > limit)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }

        return new ArraySegment<byte>(buffer, 0, read);
    }

    private static string Unknown(string name, string? version) =>
        version is null ? $"unknown model '{name}'" : $"unknown version '{version}' of model '{name}'";
}
