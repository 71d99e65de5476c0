namespace OrleansAI.Hosting.Health;

/// <summary>A JSON-RPC node answered with an error object or an unreadable result.</summary>
public sealed class JsonRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonRpcException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JsonRpcException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public JsonRpcException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
