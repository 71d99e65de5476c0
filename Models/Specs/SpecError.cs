namespace OrleansAI.Models.Specs;

/// <summary>One problem in a spec: where it is and what is wrong.</summary>
/// <param name="Path">Location, e.g. <c>layers[3] (conv2d)</c> or <c>inputShape</c>.</param>
/// <param name="Message">The reason.</param>
public sealed record SpecError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
