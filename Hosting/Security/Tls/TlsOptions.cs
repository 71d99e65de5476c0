namespace OrleansAI.Hosting.Security.Tls;

/// <summary>The development switch for plaintext; everything is encrypted unless it is on.</summary>
public sealed class TlsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Tls";

    /// <summary>The full name of the switch, as start-up errors name it.</summary>
    public const string AllowPlaintextSetting = Section + ":" + nameof(AllowPlaintext);

    /// <summary>
    /// Allows plaintext <c>http://</c> endpoints and, in cluster mode, Orleans connections without
    /// TLS. Development only (appsettings.Development.json sets it for <c>dotnet run</c>); a warning
    /// is logged at start whenever it lets something through.
    /// </summary>
    public bool AllowPlaintext { get; set; }
}
