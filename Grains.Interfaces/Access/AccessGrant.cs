namespace OrleansAI.Grains.Interfaces.Access;

/// <summary>A right one client gave another on one of its resources.</summary>
/// <param name="Resource">What it is on.</param>
/// <param name="Grantee">Who holds it.</param>
/// <param name="Rights">What it allows (<see cref="AccessRights.Read"/> or <see cref="AccessRights.Use"/>).</param>
/// <param name="GrantedUtc">When it was given (or last changed).</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.AccessGrant")]
public sealed record AccessGrant(
    [property: Id(0)] AccessResource Resource,
    [property: Id(1)] string Grantee,
    [property: Id(2)] AccessRights Rights,
    [property: Id(3)] DateTimeOffset GrantedUtc);
