using OrleansAI.Sdk.Cases;
using OrleansAI.Sdk.Datasets;
using OrleansAI.Sdk.Inference;
using OrleansAI.Sdk.Jobs;
using OrleansAI.Sdk.Models;
using OrleansAI.Sdk.Providers;
using OrleansAI.Tls;

namespace OrleansAI.Sdk;

/// <summary>
/// A client of an OrleansAI network's API. Every call authenticates with the client's API key and
/// throws <see cref="OaiApiException"/> with the server's reasons when refused. Thread-safe; keep
/// one per key for the life of the application.
/// </summary>
public sealed class OaiClient : IDisposable
{
    /// <summary>How long a request/response call may take unless <see cref="RequestTimeout"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient? _owned;
    private readonly ApiTransport _api;

    /// <summary>
    /// A client of the API at <paramref name="baseAddress"/> (for example <c>https://api.example</c>)
    /// with its own connection pool, trusting the machine's certificate store. An <c>http://</c>
    /// address is refused: pass <see cref="OaiClientOptions.AllowPlaintext"/> for that.
    /// </summary>
    /// <param name="baseAddress">The API's address.</param>
    /// <param name="apiKey">The client's API key.</param>
    public OaiClient(Uri baseAddress, string apiKey)
        : this(baseAddress, apiKey, new OaiClientOptions())
    {
    }

    /// <summary>
    /// A client of the API at <paramref name="baseAddress"/> with its own connection pool, trusting
    /// the server as <paramref name="options"/> say: only certificates from a pinned CA (for
    /// <c>./oai.sh up</c>, <c>.oai/tls/ca.crt</c>), and plaintext <c>http://</c> only when allowed.
    /// </summary>
    /// <param name="baseAddress">The API's address.</param>
    /// <param name="apiKey">The client's API key.</param>
    /// <param name="options">How the server is trusted.</param>
    /// <exception cref="ArgumentException">A plaintext address without <see cref="OaiClientOptions.AllowPlaintext"/>, or an unreadable CA file.</exception>
    public OaiClient(Uri baseAddress, string apiKey, OaiClientOptions options)
        : this(new HttpClient(Handler(baseAddress, options), disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan }, apiKey, owns: true)
    {
    }

    /// <summary>
    /// A client over <paramref name="http"/> (from <c>IHttpClientFactory</c>, or a test server's
    /// client), whose <see cref="HttpClient.BaseAddress"/> is the API's address.
    /// </summary>
    /// <param name="http">The HTTP client; not disposed by this one.</param>
    /// <param name="apiKey">The client's API key, sent with every call; null when <paramref name="http"/> adds its own.</param>
    public OaiClient(HttpClient http, string? apiKey)
        : this(http, apiKey, owns: false)
    {
    }

    private OaiClient(HttpClient http, string? apiKey, bool owns)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HTTP client needs the API's address as its BaseAddress.", nameof(http));
        }

        if (apiKey is { Length: 0 })
        {
            throw new ArgumentException("The API key is empty.", nameof(apiKey));
        }

        // Relative paths resolve under the base address only when it ends in '/' (an API behind a path prefix).
        if (!http.BaseAddress.AbsoluteUri.EndsWith('/'))
        {
            if (!owns)
            {
                throw new ArgumentException("The HTTP client's BaseAddress must end with '/'.", nameof(http));
            }

            http.BaseAddress = new Uri(http.BaseAddress.AbsoluteUri + "/");
        }

        _owned = owns ? http : null;
        var api = _api = new ApiTransport(http, apiKey);
        Jobs = new JobsClient(api);
        Models = new ModelsClient(api);
        Datasets = new DatasetsClient(api);
        Providers = new ProvidersClient(api);
        Cases = new CasesClient(api);
        Chain = new ChainClient(api);
        Inference = new InferenceClient(api);
        Grants = new Access.GrantsClient(api);
        Audit = new Audit.AuditClient(api);
    }

    /// <summary>
    /// How long a request/response call may take before it throws <see cref="TimeoutException"/>
    /// (default 100 s; <see cref="Timeout.InfiniteTimeSpan"/> for none). Event streams and dataset
    /// uploads are bounded only by the caller's cancellation token.
    /// </summary>
    public TimeSpan RequestTimeout
    {
        get => _api.RequestTimeout;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "The timeout must be positive or infinite.");
            }

            _api.RequestTimeout = value;
        }
    }

    /// <summary>Training jobs: submit, follow, cancel, rounds and escrow.</summary>
    public JobsClient Jobs { get; }

    /// <summary>Trained models, their provenance and deployments.</summary>
    public ModelsClient Models { get; }

    /// <summary>Uploaded datasets.</summary>
    public DatasetsClient Datasets { get; }

    /// <summary>Compute providers, their stakes and cases.</summary>
    public ProvidersClient Providers { get; }

    /// <summary>Fraud cases and, for operators, disputes.</summary>
    public CasesClient Cases { get; }

    /// <summary>The platform's chain mirror.</summary>
    public ChainClient Chain { get; }

    /// <summary>Deployed models through the Open Inference Protocol.</summary>
    public InferenceClient Inference { get; }

    /// <summary>Rights on the caller's datasets and model versions for other clients, and those others gave the caller.</summary>
    public Access.GrantsClient Grants { get; }

    /// <summary>The audit log of accesses to the caller's datasets, model versions and results.</summary>
    public Audit.AuditClient Audit { get; }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();

    // The handler an owned client sends through: TLS checked against the pinned CA alone when one is given.
    private static SocketsHttpHandler Handler(Uri baseAddress, OaiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(options);
        PlaintextPolicy.Require(baseAddress, options.AllowPlaintext, nameof(OaiClientOptions) + "." + nameof(OaiClientOptions.AllowPlaintext));
        var handler = new SocketsHttpHandler();
        var pinned = options.PinnedAuthority is { } authority ? new PinnedCertificateAuthority(authority)
            : options.PinnedAuthorityFile is { } file ? PinnedCertificateAuthority.FromPemFile(file)
            : null;
        // The pin lives as long as the handler, which holds its validation callback.
        pinned?.Apply(handler);
        return handler;
    }
}
