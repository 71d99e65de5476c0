namespace OrleansAI.Cli;

/// <summary>The command line asked for something that cannot be done as given (exit code 2).</summary>
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
