namespace OrleansAI.Grains.Interfaces.Access;

/// <summary>Rules shared by everything that gives or checks rights.</summary>
public static class AccessGrants
{
    /// <summary>Whether <paramref name="value"/> can be a client id: 1-64 characters, no '/', no control characters.</summary>
    public static bool IsClientId(string? value) =>
        value is { Length: > 0 and <= 64 } && !value.Any(c => c == '/' || char.IsControl(c));

    /// <summary>Whether holding <paramref name="held"/> allows what <paramref name="needed"/> names.</summary>
    public static bool Allows(AccessRights held, AccessRights needed) => needed != AccessRights.None && held >= needed;

    /// <summary>Parses "read" or "use" (any case); null for anything else.</summary>
    public static AccessRights? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "read" => AccessRights.Read,
        "use" => AccessRights.Use,
        _ => null,
    };

    /// <summary>The wire name of a grantable right.</summary>
    public static string Name(AccessRights rights) => rights switch
    {
        AccessRights.Read => "read",
        AccessRights.Use => "use",
        AccessRights.Owner => "owner",
        _ => "none",
    };
}
