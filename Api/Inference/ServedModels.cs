using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansAI.Api.Apis;
using OrleansAI.Models.Onnx;
using OrleansAI.Models.Specs;

namespace OrleansAI.Api.Inference;

/// <summary>
/// Resolves an OIP model name (and optional version) for a caller to a model version: the caller's
/// own (<c>MODEL</c>), or another client's it was granted (<c>OWNER.MODEL</c>; model names hold no
/// '.', so the last one splits). Answers are cached for a moment: the inference path must not cost
/// grain calls per request, and a deployment change or a revoked grant shows up within
/// <see cref="Freshness"/>.
/// </summary>
public sealed class ServedModels(IGrainFactory grains)
{
    /// <summary>How long a resolution is reused.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (long Until, ServedModel? Model)> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The model <paramref name="name"/> at <paramref name="version"/> (a decimal string), or with no
    /// version the newest deployed one (the newest registered one when none is deployed), that
    /// <paramref name="caller"/> owns or holds <paramref name="needed"/> on; null when there is no
    /// such model or version, or the right is missing (the two look the same to the caller).
    /// </summary>
    public async ValueTask<ServedModel?> FindAsync(string caller, string name, string? version, AccessRights needed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(name);
        var (owner, model) = Split(caller, name);
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) || v is < 1 or > 10_000)
            {
                return null;
            }

            number = v;
        }

        if (!ModelsApi.IsName(model) || !AccessGrants.IsClientId(owner))
        {
            return null;
        }

        var cacheKey = $"{caller}\n{name}\n{version}\n{(int)needed}";
        var now = Stopwatch.GetTimestamp();
        if (_cache.TryGetValue(cacheKey, out var cached) && cached.Until > now)
        {
            return cached.Model;
        }

        var served = await ResolveAsync(caller, owner, model, name, number, needed);
        _cache[cacheKey] = (now + (long)(Freshness.TotalSeconds * Stopwatch.Frequency), served);
        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        return served;
    }

    /// <summary>The owner and model a caller's OIP name means: <c>OWNER.MODEL</c>, or <c>MODEL</c> for the caller's own.</summary>
    public static (string Owner, string Model) Split(string caller, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? (caller, name) : (name[..dot], name[(dot + 1)..]);
    }

    private async Task<ServedModel?> ResolveAsync(string caller, string owner, string name, string calledAs, int? version, AccessRights needed)
    {
        var summary = await grains.GetGrain<IModelGrain>(ModelKeys.Model(owner, name)).GetAsync();
        if (summary is null || (version is { } v && !summary.Versions.Contains(v)))
        {
            return null;
        }

        // Another client's versions count only where it granted the caller the right.
        var shared = owner != caller;
        if (shared && version is { } wanted && !AccessGrants.Allows(await RightsAsync(caller, owner, name, wanted), needed))
        {
            return null;
        }

        var chosen = version ?? summary.Versions[^1];
        DeploymentSnapshot? deployment = null;
        if (version is null)
        {
            // The newest deployed version answers an unversioned call; a few recent versions are looked at.
            var granted = false;
            foreach (var candidate in summary.Versions.Reverse().Take(10))
            {
                if (shared && !AccessGrants.Allows(await RightsAsync(caller, owner, name, candidate), needed))
                {
                    continue;
                }

                if (!granted)
                {
                    // The newest granted version answers when none is deployed.
                    chosen = candidate;
                    granted = true;
                }

                var d = await grains.GetGrain<IModelDeploymentGrain>(ModelKeys.Version(owner, name, candidate)).GetAsync();
                if (d.Status is DeploymentStatus.Deploying or DeploymentStatus.Ready)
                {
                    chosen = candidate;
                    deployment = d;
                    break;
                }
            }

            if (shared && !granted)
            {
                return null;
            }
        }

        var key = ModelKeys.Version(owner, name, chosen);
        deployment ??= await grains.GetGrain<IModelDeploymentGrain>(key).GetAsync();
        var record = await grains.GetGrain<IModelVersionGrain>(key).GetAsync();
        if (record is null)
        {
            return null;
        }

        var plan = ModelSpecJson.ParseAndPlan(record.SpecJson);
        return new ServedModel(
            calledAs,
            chosen,
            key,
            shared ? [chosen] : summary.Versions,
            OnnxExporter.InputName,
            plan.EndsInSoftmax ? OnnxExporter.ProbabilitiesName : OnnxExporter.LogitsName,
            [.. plan.InputShape.Select(d => (long)d)],
            plan.Spec.Classes,
            deployment.Status == DeploymentStatus.NotDeployed ? null : deployment)
        {
            Resource = AccessResource.ModelVersion(owner, name, chosen),
        };
    }

    private async Task<AccessRights> RightsAsync(string caller, string owner, string name, int version) =>
        await grains.GetGrain<IResourceAccessGrain>(AccessResource.ModelVersion(owner, name, version).Key).RightsAsync(caller);
}
