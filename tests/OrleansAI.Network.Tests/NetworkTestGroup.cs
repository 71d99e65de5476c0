namespace OrleansAI.Network.Tests;

/// <summary>Network tests run one at a time: each trains on the machine's few cores.</summary>
[CollectionDefinition(Name)]
public sealed class NetworkTestGroup
{
    /// <summary>The collection's name.</summary>
    public const string Name = "network";
}
