using System.Security.Claims;

namespace OrleansAI.Api.Security;

/// <summary>
/// Who may see a fraud case's evidence: operators, the accused provider (a client whose key names
/// its wallet) and the client whose model or job the evidence comes from. Everyone else sees that the
/// case exists and what became of it, but not the model key, request id, input or answers, which are
/// another tenant's data.
/// </summary>
public static class CaseAudience
{
    /// <summary>Whether <paramref name="user"/> may see <paramref name="fraud"/>'s evidence.</summary>
    public static async Task<bool> ConcernsAsync(ClaimsPrincipal user, FraudCaseSnapshot fraud, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(fraud);
        ArgumentNullException.ThrowIfNull(grains);
        if (user.IsInRole(ClientKey.OperatorRole)
            || (user.Wallet() is { Length: > 0 } wallet && string.Equals(wallet, fraud.Evidence.Provider, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var owner = await OwnerAsync(fraud.Evidence, grains);
        return owner is not null && owner == user.ClientId();
    }

    // Inference evidence names the model version ({owner}/{name}/{version}); training evidence the
    // work item ({job}/{round}/{item}), whose job knows its owner.
    private static async Task<string?> OwnerAsync(FraudEvidence evidence, IGrainFactory grains)
    {
        var first = evidence.ModelKey.Split('/', 2)[0];
        if (!evidence.Kind.StartsWith("training-", StringComparison.Ordinal))
        {
            return first;
        }

        if (first.Length > 64 || !first.StartsWith("job-", StringComparison.Ordinal))
        {
            return null;
        }

        return (await grains.GetGrain<ITrainingJobGrain>(first).GetAsync())?.Owner;
    }
}
