namespace OrleansAI.Sdk.Access;

/// <summary>The body of a grant: <c>PUT …/grants/{grantee}</c>.</summary>
/// <param name="Rights"><c>read</c> (see it) or <c>use</c> (see it, train on the dataset, call the model version).</param>
public sealed record GrantRequest(string Rights);
