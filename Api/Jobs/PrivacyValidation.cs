using OrleansAI.Federation.Privacy;
using OrleansAI.Sdk.Jobs;

namespace OrleansAI.Api.Jobs;

/// <summary>
/// A job's <c>privacy</c> setting checked and calibrated: the noise multiplier is chosen here, once,
/// so that the planned rounds spend at most the budget; a job is never admitted that would overspend.
/// </summary>
public static class PrivacyValidation
{
    /// <summary>The calibrated settings, or null (with <paramref name="errors"/> filled) when there are none or they are refused.</summary>
    public static ClientPrivacy? Validate(JobRequest request, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.Privacy is not { } privacy)
        {
            return null;
        }

        var problems = new List<string>();
        if (privacy.Level == "example")
        {
            problems.Add("Sample-level DP-SGD on the providers is not available yet; use level 'client'.");
        }
        else if (privacy.Level != "client")
        {
            problems.Add("level: 'client'.");
        }

        if (!(privacy.Epsilon > 0 && privacy.Epsilon <= 100))
        {
            problems.Add("epsilon: in (0, 100].");
        }

        if (!(privacy.Delta > 0 && privacy.Delta <= 0.01))
        {
            problems.Add("delta: in (0, 0.01].");
        }

        if (!(privacy.Clip > 0 && privacy.Clip <= 1000))
        {
            problems.Add("clip: in (0, 1000].");
        }

        if (request.Mode != JobDefinition.Federated || request.BufferSize > 0 || request.RootDataset is not null || request.Strategy != "fedavg")
        {
            problems.Add("Client-level privacy is for federated rounds with strategy fedavg (it aggregates by DP-FedAvg itself), without FedBuff or a root dataset.");
        }

        double noise = 0;
        if (problems.Count == 0)
        {
            try
            {
                noise = NoiseCalibration.NoiseMultiplier(privacy.Epsilon, privacy.Delta, ClientPrivacy.SampleRate, request.Rounds);
            }
            catch (ArgumentException ex)
            {
                problems.Add($"No noise level meets ε {privacy.Epsilon} at δ {privacy.Delta} over {request.Rounds} rounds: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            errors["privacy"] = [.. problems];
            return null;
        }

        return new ClientPrivacy(privacy.Epsilon, privacy.Delta, privacy.Clip, noise, Math.Max(1, request.MinProviders), privacy.AdaptiveClipping);
    }
}
