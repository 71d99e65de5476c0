using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;

namespace OrleansAI.Settlement;

/// <summary>
/// Derives the on-chain job and task ids from the platform's own ids.
/// </summary>
/// <remarks>
/// <c>JobEscrow.postJob</c> takes any unused id, so anyone could take an id first (docs/contracts.md,
/// JobEscrow). Binding the id to the client's address makes a squatted id useless to the squatter:
/// the platform derives the id it expects from the client and its own job id and only runs work for
/// a <c>JobPosted</c> whose id and client match. Task ids are bound to their job so that the escrow's
/// "each task id pays once" rule is per job and deterministic across retries and restarts.
/// </remarks>
public static class SettlementIds
{
    /// <summary><c>keccak256(abi.encodePacked(client, jobKey))</c>.</summary>
    public static Bytes32 JobId(string clientAddress, string jobKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientAddress);
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        var address = clientAddress.HexToByteArray();
        if (address.Length != 20)
        {
            throw new ArgumentException($"'{clientAddress}' is not a 20-byte address.", nameof(clientAddress));
        }

        return Bytes32.Keccak([.. address, .. Encoding.UTF8.GetBytes(jobKey)]);
    }

    /// <summary><c>keccak256(abi.encodePacked(jobId, taskKey))</c>.</summary>
    public static Bytes32 TaskId(Bytes32 jobId, string taskKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskKey);
        return Bytes32.Keccak([.. jobId.ToArray(), .. Encoding.UTF8.GetBytes(taskKey)]);
    }
}
