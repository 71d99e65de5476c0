namespace OrleansAI.Deploy;

/// <summary>The command line cannot be carried out as given (exit code 2), found only once the chain answered.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
