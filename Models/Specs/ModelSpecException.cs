namespace OrleansAI.Models.Specs;

/// <summary>A spec was rejected; <see cref="Errors"/> names every problem found.</summary>
public sealed class ModelSpecException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ModelSpecException(IReadOnlyList<SpecError> errors)
        : base("Invalid model spec: " + string.Join("; ", errors ?? throw new ArgumentNullException(nameof(errors))))
        => Errors = errors;

    /// <summary>Creates the exception with a message.</summary>
    public ModelSpecException(string message)
        : this([new SpecError("spec", message)])
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelSpecException(string message, Exception inner)
        : base("Invalid model spec: spec: " + message, inner) => Errors = [new SpecError("spec", message)];

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelSpecException()
        : this("the spec is invalid")
    {
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<SpecError> Errors { get; }
}
