namespace OrleansAI.Sdk.Access;

/// <summary>A right one client gave another on a dataset or a model version.</summary>
/// <param name="Kind"><c>dataset</c> or <c>model</c>.</param>
/// <param name="Owner">The client that owns the resource and gave the right.</param>
/// <param name="Name">The dataset's SHA-256, or the model's name.</param>
/// <param name="Version">The model version (0 for a dataset).</param>
/// <param name="Grantee">The client that holds the right.</param>
/// <param name="Rights"><c>read</c> or <c>use</c>.</param>
/// <param name="GrantedUtc">When it was given or last changed.</param>
/// <param name="InferenceName">For a model: the name the grantee calls it by on the Open Inference Protocol (<c>OWNER.MODEL</c>).</param>
public sealed record GrantView(string Kind, string Owner, string Name, int Version, string Grantee, string Rights, DateTimeOffset GrantedUtc, string? InferenceName);
