using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Emitted by <c>grantLicense</c>.</summary>
[Event("LicenseGranted")]
public sealed class LicenseGrantedEventDTO : IEventDTO
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1, true)]
    public BigInteger ModelId { get; set; }

    /// <summary>Licensee.</summary>
    [Parameter("address", "licensee", 2, true)]
    public string Licensee { get; set; } = string.Empty;

    /// <summary>Owner who granted it.</summary>
    [Parameter("address", "grantor", 3, true)]
    public string Grantor { get; set; } = string.Empty;
}
