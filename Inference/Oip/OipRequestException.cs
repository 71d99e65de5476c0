namespace OrleansAI.Inference.Oip;

/// <summary>
/// A request the server refuses. The message is written for the client, naming the offending field;
/// it becomes the body {"error": message} of a 400 response.
/// </summary>
public sealed class OipRequestException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public OipRequestException()
        : base("the request is not a valid inference request")
    {
    }

    /// <summary>Creates the exception with the client-facing reason.</summary>
    public OipRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the client-facing reason and the failure behind it.</summary>
    public OipRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
