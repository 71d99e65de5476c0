using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansAI.Api.Apis;
using OrleansAI.Models.Onnx;
using OrleansAI.Models.Specs;

namespace OrleansAI.Api.Inference;

/// <summary>
/// Resolves an OIP model name (and optional version) for a caller to one of the caller's model
/// versions. Answers are cached for a moment: the inference path must not cost grain calls per
/// request, and a deployment change shows up within <see cref="Freshness"/>.
/// </summary>
public sealed class ServedModels(IGrainFactory grains)
{
    /// <summary>How long a resolution is reused.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (long Until, ServedModel? Model)> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The caller's model <paramref name="name"/> at <paramref name="version"/> (a decimal string), or
    /// with no version the newest deployed one (the newest registered one when none is deployed); null
    /// when there is no such model or version.
    /// </summary>
    public async ValueTask<ServedModel?> FindAsync(string owner, string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(name);
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) || v is < 1 or > 10_000)
            {
                return null;
            }

            number = v;
        }

        if (!ModelsApi.IsName(name))
        {
            return null;
        }

        var cacheKey = $"{owner}\n{name}\n{version}";
        var now = Stopwatch.GetTimestamp();
        if (_cache.TryGetValue(cacheKey, out var cached) && cached.Until > now)
        {
            return cached.Model;
        }

        var model = await ResolveAsync(owner, name, number);
        _cache[cacheKey] = (now + (long)(Freshness.TotalSeconds * Stopwatch.Frequency), model);
        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        return model;
    }

    private async Task<ServedModel?> ResolveAsync(string owner, string name, int? version)
    {
        var summary = await grains.GetGrain<IModelGrain>(ModelKeys.Model(owner, name)).GetAsync();
        if (summary is null || (version is { } v && !summary.Versions.Contains(v)))
        {
            return null;
        }

        var chosen = version ?? summary.Versions[^1];
        DeploymentSnapshot? deployment = null;
        if (version is null)
        {
            // The newest deployed version answers an unversioned call; a few recent versions are looked at.
            foreach (var candidate in summary.Versions.Reverse().Take(10))
            {
                var d = await grains.GetGrain<IModelDeploymentGrain>(ModelKeys.Version(owner, name, candidate)).GetAsync();
                if (d.Status is DeploymentStatus.Deploying or DeploymentStatus.Ready)
                {
                    chosen = candidate;
                    deployment = d;
                    break;
                }
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
            name,
            chosen,
            key,
            summary.Versions,
            OnnxExporter.InputName,
            plan.EndsInSoftmax ? OnnxExporter.ProbabilitiesName : OnnxExporter.LogitsName,
            [.. plan.InputShape.Select(d => (long)d)],
            plan.Spec.Classes,
            deployment.Status == DeploymentStatus.NotDeployed ? null : deployment);
    }
}
