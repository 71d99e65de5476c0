namespace OrleansAI.Hosting;

/// <summary>
/// A service this process needs (PostgreSQL, the blob store, the chain, the cluster) is missing or
/// unusable. Hosts turn it into one clear message and a non-zero exit instead of a stack trace.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DependencyUnavailableException(string dependency, string message, Exception? inner = null)
        : base(message, inner) => Dependency = dependency;

    /// <summary>Creates the exception with a generic message.</summary>
    public DependencyUnavailableException()
        : this("unknown", "A required service is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DependencyUnavailableException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DependencyUnavailableException(string message, Exception inner)
        : this("unknown", message, inner)
    {
    }

    /// <summary>The missing service, e.g. "PostgreSQL".</summary>
    public string Dependency { get; }
}
