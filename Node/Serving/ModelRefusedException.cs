namespace OrleansAI.Node.Serving;

/// <summary>A model the node will not serve: its download, hash or ONNX file is wrong.</summary>
public sealed class ModelRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelRefusedException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    public ModelRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    public ModelRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
