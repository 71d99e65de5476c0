using System.CommandLine;

namespace OrleansAI.Cli;

/// <summary>What every command shares: the connection options, how to connect, and where to write.</summary>
internal sealed class CliContext(Func<Uri, string, OaiClientOptions, OaiClient> connect, TextWriter output, TextWriter error)
{
    /// <summary>Where the key is kept by <c>./oai.sh up</c>, read when neither --key nor OAI_API_KEY is given.</summary>
    public const string LocalKeyFile = ".oai/client.key";

    /// <summary>The development CA of <c>./oai.sh up</c>, pinned when neither --ca nor OAI_CA_FILE is given and it exists.</summary>
    public const string LocalCaFile = ".oai/tls/ca.crt";

    public Option<string> Ca { get; } = new("--ca")
    {
        Description = $"Trust only server certificates from this CA (PEM; default: $OAI_CA_FILE, else {LocalCaFile} when it exists, else the machine's store)",
        Recursive = true,
    };

    public Option<bool> AllowPlaintext { get; } = new("--allow-plaintext")
    {
        Description = "Allow an http:// address: the key travels unencrypted (development only; or OAI_ALLOW_PLAINTEXT=1)",
        Recursive = true,
        Arity = ArgumentArity.Zero,
    };

    public Option<string> Url { get; } = new("--url")
    {
        Description = "The API's address (default: $OAI_URL, else https://127.0.0.1:5000)",
        Recursive = true,
    };

    public Option<string> Key { get; } = new("--key")
    {
        Description = $"The client's API key (default: $OAI_API_KEY, else the file {LocalKeyFile})",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON instead of a summary",
        Recursive = true,
    };

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>A client for the parsed connection options.</summary>
    public OaiClient Connect(ParseResult parse)
    {
        var url = parse.GetValue(Url) ?? Environment.GetEnvironmentVariable("OAI_URL") ?? "https://127.0.0.1:5000";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an http(s) address, not '{url}'");
        }

        var key = parse.GetValue(Key) ?? Environment.GetEnvironmentVariable("OAI_API_KEY") ?? (File.Exists(LocalKeyFile) ? File.ReadAllText(LocalKeyFile).Trim() : null);
        if (string.IsNullOrEmpty(key))
        {
            throw new UsageException($"no API key: pass --key, set OAI_API_KEY, or run where {LocalKeyFile} exists");
        }

        var plaintext = parse.GetValue(AllowPlaintext) || Environment.GetEnvironmentVariable("OAI_ALLOW_PLAINTEXT") == "1";
        if (address.Scheme == "http" && !plaintext)
        {
            throw new UsageException($"{address} is plaintext http: use https (with --ca to pin the server's CA), or add --allow-plaintext (development only)");
        }

        var ca = parse.GetValue(Ca)
            ?? (Environment.GetEnvironmentVariable("OAI_CA_FILE") is { Length: > 0 } fromEnvironment ? fromEnvironment : null)
            ?? (File.Exists(LocalCaFile) ? LocalCaFile : null);
        try
        {
            return connect(address, key, new OaiClientOptions { PinnedAuthorityFile = ca, AllowPlaintext = plaintext });
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Whether to print raw JSON.</summary>
    public bool WantsJson(ParseResult parse) => parse.GetValue(Json);

    /// <summary>Prints <paramref name="value"/> as the API's JSON with --json, else as <paramref name="summary"/> writes it; returns 0.</summary>
    public int Print<T>(ParseResult parse, T value, Action<T> summary)
        where T : notnull
    {
        if (WantsJson(parse))
        {
            WriteJson(value);
        }
        else
        {
            summary(value);
        }

        return 0;
    }

    /// <summary>Prints <paramref name="value"/> as the API's indented JSON.</summary>
    public void WriteJson(object value) => Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, value.GetType(), Indented));

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new(OaiJson.Options) { WriteIndented = true };
}
