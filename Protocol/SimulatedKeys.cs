using System.Security.Cryptography;
using System.Text;
using Nethereum.Signer;

namespace OrleansAI.Protocol;

/// <summary>
/// Deterministic keys for simulated providers, so a restarted fleet comes back as the same providers
/// (same addresses, same grain state). Never use them for anything of value.
/// </summary>
public static class SimulatedKeys
{
    /// <summary>The key of simulated provider <paramref name="index"/> of fleet <paramref name="seed"/>.</summary>
    public static EthECKey Of(int seed, int index) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"orleansai simulated provider {seed}/{index}")), true);
}
