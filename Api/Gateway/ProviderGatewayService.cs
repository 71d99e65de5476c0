using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.Options;
using OrleansAI.Api.Inference;
using OrleansAI.Grains.Interfaces.Rounds;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// The provider gateway (gRPC): sign-in by EIP-191 challenge, then one live stream per provider for
/// heartbeats, tasks and results. Providers are untrusted: every field is bounded, every result is
/// signed by the session's own key, and a task is looked up in the sender's own provider grain, so
/// nobody can read or answer another provider's work. Bound by <see cref="GatewayMethodProvider"/>,
/// whose marshallers refuse damaged bytes as the sender's error.
/// </summary>
public sealed partial class ProviderGatewayService(
    IGrainFactory grains,
    SessionTokens sessions,
    ChallengeTokens challenges,
    SignInLimits limits,
    IOptions<GatewayOptions> gatewayOptions,
    IOptions<ChainOptions> chainOptions,
    IServiceProvider services,
    ServingDirectory serving,
    LiveProviders live,
    TimeProvider clock,
    ILogger<ProviderGatewayService> logger)
{
    private const int MaxIdChars = 64;
    private const int MaxReasonChars = 500;
    private static readonly WriteOptions BufferedWrite = new(WriteFlags.BufferHint);

    private readonly GatewayOptions _options = gatewayOptions.Value;
    private readonly long _chainId = chainOptions.Value.ChainId;

    /// <summary>Issues a single-use sign-in challenge for an address (and the session key it will delegate, if any).</summary>
    public Task<Challenge> RequestChallenge(ChallengeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        limits.AdmitChallenge(Peer(context));
        var address = AddressOf(request.Address);
        if (request.SessionKey.Length is not (0 or InferenceReceipt.PublicKeyBytes))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "session_key must be a 32-byte Ed25519 public key"));
        }

        var sessionKey = Convert.ToHexStringLower(request.SessionKey.Span);
        var issued = clock.GetUtcNow();
        var expires = issued + _options.ChallengeLifetime;
        // Nothing is stored: the nonce carries its own times and session key under the gateway's MAC.
        var nonce = challenges.Issue(address, issued, expires, sessionKey);
        return Task.FromResult(new Challenge
        {
            Message = LoginMessage.Format(_options.Domain, _chainId, address, nonce, issued, expires, sessionKey),
            Nonce = nonce,
            ExpiresUnixMs = expires.ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>Checks the signed challenge and issues a session token.</summary>
    public async Task<Session> Login(LoginRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var address = AddressOf(request.Address);
        limits.AdmitLogin(Peer(context), address);
        if (request.Nonce.Length is 0 or > ChallengeTokens.MaxNonceChars)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "nonce is missing or too long"));
        }

        if (challenges.Read(address, request.Nonce) is not { } c || c.Expires <= clock.GetUtcNow())
        {
            LogLoginRefused(address, "unknown or expired challenge");
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the challenge is unknown or expired; request a new one"));
        }

        var message = LoginMessage.Format(_options.Domain, _chainId, address, request.Nonce, c.Issued, c.Expires, c.SessionKey);
        if (MessageSignatures.RecoverSigner(message, request.Signature) != address)
        {
            LogLoginRefused(address, "signature does not match");
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the signature is not the address's signature of the challenge"));
        }

        // Spent only after the signature checks out, so nobody but the provider can use its nonces up.
        if (!await grains.GetGrain<IProviderSignInGrain>(address).SpendNonceAsync(request.Nonce, c.Expires))
        {
            LogLoginRefused(address, "challenge already used");
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the challenge was already used; request a new one"));
        }

        byte[]? sessionKey = null;
        if (c.SessionKey.Length > 0)
        {
            // The signed text names the session key: kept as the proof that its signatures are the provider's.
            sessionKey = Convert.FromHexString(c.SessionKey);
            await grains.GetGrain<IProviderSignInGrain>(address).RecordSessionAsync(new ProviderSession(c.SessionKey, message, request.Signature, clock.GetUtcNow()));
        }

        var (token, expires) = sessions.Issue(address, sessionKey);
        return new Session { Token = token, ExpiresUnixMs = expires.ToUnixTimeMilliseconds() };
    }

    /// <summary>The provider's live stream: registration first, then heartbeats, results, failures, model states and inference replies.</summary>
    public async Task Connect(IAsyncStreamReader<NodeMessage> requestStream, IServerStreamWriter<GatewayMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var header = context.RequestHeaders.GetValue("authorization");
        var (address, sessionKey) = sessions.Read(header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "a valid session token is required (authorization: Bearer <token>)"));
        var cancel = context.CancellationToken;
        var capabilities = await ReadRegistrationAsync(requestStream, cancel);
        if (services.GetService<StakeGate>() is { } stakes && await stakes.RefusalAsync(address) is { } refusal)
        {
            LogNotStaked(address);
            throw new RpcException(new Status(StatusCode.PermissionDenied, refusal));
        }

        var provider = grains.GetGrain<IProviderGrain>(address);
        if ((await provider.GetAsync()).SuspendedUntil is { } suspended && suspended > clock.GetUtcNow())
        {
            // Proven fraud: no tasks and no placements until the suspension ends.
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"the provider is suspended until {suspended:u} after proven fraud"));
        }

        var connectionId = Guid.NewGuid();
        var connection = new ProviderConnection(services.GetService<IContentStore>(), clock, address, capabilities.PricePer1kInferences, sessionKey, services.GetService<IAuditLog>());
        var channel = grains.CreateObjectReference<ITaskChannel>(connection);
        var writer = WriteAsync(connection, responseStream, cancel);
        live.Add(connection);
        try
        {
            connection.Send(new GatewayMessage { Registered = new Registered { Address = address, ChainId = _chainId, HeartbeatSeconds = (int)ProviderTimings.Heartbeat.TotalSeconds } });
            await provider.ConnectAsync(connectionId, capabilities, channel);
            LogConnected(address);
            while (connection.ClosedBecause is null && await requestStream.MoveNext(cancel))
            {
                var message = requestStream.Current;
                switch (message.BodyCase)
                {
                    case NodeMessage.BodyOneofCase.Heartbeat:
                        if (!await provider.HeartbeatAsync(connectionId))
                        {
                            // The grain lost track of this connection (a silo restarted): attach again.
                            await provider.ConnectAsync(connectionId, capabilities, channel);
                        }

                        break;
                    case NodeMessage.BodyOneofCase.Result:
                        connection.Send(new GatewayMessage { Receipt = await AcceptResultAsync(address, provider, message.Result) });
                        break;
                    case NodeMessage.BodyOneofCase.Failure:
                        await AcceptFailureAsync(provider, message.Failure);
                        break;
                    case NodeMessage.BodyOneofCase.InferReply:
                        // Replies to calls that gave up (or were never made) are dropped here.
                        connection.Complete(message.InferReply);
                        break;
                    case NodeMessage.BodyOneofCase.ModelState:
                        await AcceptModelStateAsync(provider, connection, message.ModelState);
                        break;
                    default:
                        throw new RpcException(new Status(StatusCode.InvalidArgument, $"unexpected {message.BodyCase} after registration"));
                }
            }
        }
        finally
        {
            connection.Complete();
            live.Remove(connection);
            serving.RemoveAll(connection);
            await provider.DisconnectAsync(connectionId);
            grains.DeleteObjectReference<ITaskChannel>(channel);
            await writer;
            LogDisconnected(address, connection.ClosedBecause ?? "stream ended");
        }
    }

    private async Task<ProviderCapabilities> ReadRegistrationAsync(IAsyncStreamReader<NodeMessage> requests, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.RegisterTimeout);
        bool any;
        try
        {
            any = await requests.MoveNext(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "no registration arrived in time"));
        }

        if (!any || requests.Current.BodyCase != NodeMessage.BodyOneofCase.Register)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the first message must be register"));
        }

        var (capabilities, error) = CapabilityRules.Parse(requests.Current.Register);
        return capabilities ?? throw new RpcException(new Status(StatusCode.InvalidArgument, error!));
    }

    // The gateway checks what needs no state (the signature, the bounds); the provider's own grain
    // checks the rest against its task, hands the result to the round and answers: one call per result.
    private async Task<ResultReceipt> AcceptResultAsync(string address, IProviderGrain provider, TaskResult result)
    {
        ResultReceipt Receipt(SubmitOutcome outcome, string detail) => new() { TaskId = result.TaskId, Outcome = outcome.ToString().ToLowerInvariant(), Detail = detail };

        if (result.TaskId.Length is 0 or > MaxIdChars)
        {
            return Receipt(SubmitOutcome.Refused, "task_id is missing or too long");
        }

        // A result that names a blob claims training work and is signed over it; one without is an evaluation.
        var train = result.Sha256.Length > 0;
        var message = ResultMessage.Format(_chainId, result.TaskId, result.Sha256, train ? result.Length : 0, train ? result.Examples : 0, result.Runtime);
        var problem = MessageSignatures.RecoverSigner(message, result.Signature) != address ? "the result is not signed by this provider" : Bounds(result, train);
        if (problem is not null)
        {
            // Unsigned or malformed: it fails its task (if it is one of the provider's) and is refused.
            var refusal = await provider.RefuseResultAsync(result.TaskId, problem);
            LogResultRefused(address, result.TaskId, refusal.Detail);
            return Receipt(refusal.Outcome, refusal.Detail);
        }

        // The result stays in the task's upload slot, which its provider can create once and never
        // replace. Nothing reads it here: the round reads it once, checking it against the signed hash
        // and length, and a result whose blob is missing or different counts as its provider's failure.
        var blob = train ? new ContentReference(result.Sha256, result.Length) : null;
        var e = result.Evaluation;
        var report = new TaskReport(result.TaskId, blob, train ? result.Examples : 0, train ? result.TrainLoss : 0, e?.Examples ?? 0, e?.Loss ?? 0, e?.Accuracy ?? 0, result.ComputeMs, result.Signature, result.Runtime);
        var decision = await provider.SubmitResultAsync(report);
        if (decision.Outcome == SubmitOutcome.Refused)
        {
            LogResultRefused(address, result.TaskId, decision.Detail);
        }

        return Receipt(decision.Outcome, decision.Detail);
    }

    private static string? Bounds(TaskResult result, bool train)
    {
        if (!ResultMessage.IsRuntime(result.Runtime))
        {
            return $"runtime must be printable ASCII without spaces, at most {ResultMessage.MaxRuntimeLength} characters";
        }

        if (train && (!ContentReference.IsSha256(result.Sha256) || result.Length <= 0 || result.Examples is <= 0 or > 1_000_000_000))
        {
            return "a training result needs a lower-case SHA-256, a positive length and a positive example count";
        }

        var e = result.Evaluation;
        if (e is not null && (e.Examples is < 0 or > 1_000_000_000 || !double.IsFinite(e.Loss) || e.Accuracy is < 0 or > 1 || double.IsNaN(e.Accuracy)))
        {
            return "the evaluation figures are out of range";
        }

        return !double.IsFinite(result.TrainLoss) || !double.IsFinite(result.ComputeMs) || result.ComputeMs < 0 ? "train_loss and compute_ms must be finite" : null;
    }

    private static async Task AcceptFailureAsync(IProviderGrain provider, TaskFailure failure)
    {
        if (failure.TaskId.Length is > 0 and <= MaxIdChars)
        {
            await provider.FailTaskAsync(failure.TaskId, failure.Reason.Length > MaxReasonChars ? failure.Reason[..MaxReasonChars] : failure.Reason);
        }
    }

    private async Task AcceptModelStateAsync(IProviderGrain provider, ProviderConnection connection, ModelState report)
    {
        if (report.ModelKey.Length is 0 or > 300 || report.State is not ("ready" or "failed" or "evicted"))
        {
            return;
        }

        var detail = report.Detail.Length > MaxReasonChars ? report.Detail[..MaxReasonChars] : report.Detail;
        // Only models the provider was asked to hold count: a node cannot attract another model's traffic.
        if (!await provider.ReportModelStateAsync(report.ModelKey, report.State, detail))
        {
            serving.Remove(report.ModelKey, connection);
            return;
        }

        if (report.State == "ready")
        {
            serving.Ready(report.ModelKey, connection);
        }
        else
        {
            serving.Remove(report.ModelKey, connection);
        }
    }

    private static async Task WriteAsync(ProviderConnection connection, IServerStreamWriter<GatewayMessage> stream, CancellationToken cancel)
    {
        try
        {
            var outbox = connection.Outbox;
            while (await outbox.WaitToReadAsync(cancel))
            {
                while (outbox.TryRead(out var message))
                {
                    // Under load many calls queue up: write them without a flush each and flush with the last.
                    stream.WriteOptions = outbox.Count > 0 ? BufferedWrite : null;
                    await stream.WriteAsync(message, cancel);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            // The stream is gone; the reader side notices and cleans up.
        }
    }

    // The network peer sign-in limits are kept per: the connection's remote address.
    private static string Peer(ServerCallContext context) =>
        context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? context.Peer ?? "unknown";

    private static string AddressOf(string value) => ProviderAddress.IsValid(value)
        ? ProviderAddress.Normalize(value)
        : throw new RpcException(new Status(StatusCode.InvalidArgument, "address must be 0x followed by 40 hex digits"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider sign-in refused for {Address}: {Reason}")]
    private partial void LogLoginRefused(string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Address} refused: not staked")]
    private partial void LogNotStaked(string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Address} stream open")]
    private partial void LogConnected(string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Address} stream closed: {Reason}")]
    private partial void LogDisconnected(string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Result from {Address} for task {TaskId} refused: {Reason}")]
    private partial void LogResultRefused(string address, string taskId, string reason);
}
