using TrainingSettings = OrleansAI.Grains.Interfaces.Jobs.TrainingSettings;
using System.Numerics;
using OrleansAI.Federation;
using OrleansAI.Federation.Compression;
using OrleansAI.Models.Specs;
using OrleansAI.Sdk.Jobs;
using VerificationSettings = OrleansAI.Grains.Interfaces.Jobs.VerificationSettings;

namespace OrleansAI.Api.Jobs;

/// <summary>Turns a client's request into a validated <see cref="JobDefinition"/>, or every reason it is refused.</summary>
public static class JobValidation
{
    /// <summary>Datasets providers can hold today.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["fashion-mnist"];

    /// <summary>Validates <paramref name="request"/>; errors are keyed by field as in problem details.</summary>
    public static (JobDefinition? Definition, Dictionary<string, string[]> Errors) Validate(JobRequest request, DateTimeOffset now, long roundMemoryBudget = Grains.Interfaces.Rounds.RoundMemory.DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ModelPlan? plan = null;
        if (request.Spec.ValueKind != JsonValueKind.Object)
        {
            errors["spec"] = ["A model spec object is required."];
        }
        else
        {
            try
            {
                plan = ModelSpecJson.ParseAndPlan(SpecText(request.Spec));
            }
            catch (ModelSpecException ex)
            {
                errors["spec"] = [.. ex.Errors.Select(e => e.ToString())];
            }
        }

        Check(errors, "name", request.Name is null || request.Name.Length is > 0 and <= 100, "At most 100 characters.");
        var dataParallel = request.Mode == JobDefinition.DataParallel;
        Check(errors, "mode", request.Mode is JobDefinition.Federated or JobDefinition.DataParallel, "'federated' or 'data-parallel'.");
        Check(errors, "datasetOwner", dataParallel || request.DatasetOwner is null, "Only a data-parallel job trains on another client's dataset.");
        if (dataParallel)
        {
            Check(errors, "dataset", Grains.Interfaces.Storage.ContentReference.IsSha256(request.Dataset), "The SHA-256 (lower-case hex) of a dataset you uploaded to /api/datasets.");
            Check(errors, "datasetOwner", request.DatasetOwner is null || Grains.Interfaces.Access.AccessGrants.IsClientId(request.DatasetOwner), "A client id (1-64 characters, no '/').");
            Check(errors, "shards", request.Shards is null or (>= 1 and <= 1000), "Between 1 and 1000.");
            Check(errors, "compression", request.Compression == "none", "Data-parallel results are compared across providers; send them uncompressed ('none').");
            Check(errors, "bufferSize", request.BufferSize == 0, "FedBuff is for federated jobs.");
            if (request.Verification is { } v)
            {
                Check(errors, "verification.replicationShare", v.ReplicationShare is null or (>= 0 and <= 1), "In [0, 1].");
                Check(errors, "verification.replicas", v.Replicas is null or (>= 2 and <= 5), "Between 2 and 5.");
                Check(errors, "verification.canaryRate", v.CanaryRate is null or (>= 0 and <= 1), "In [0, 1].");
                Check(errors, "verification.minCosine", v.MinCosine is null or (> 0 and <= 1), "In (0, 1].");
                Check(errors, "verification.maxAbsDifference", v.MaxAbsDifference is null or (>= 0 and <= 10), "In [0, 10].");
            }
        }
        else
        {
            Check(errors, "dataset", Datasets.Contains(request.Dataset), $"Unknown dataset; known: {string.Join(", ", Datasets)}.");
            Check(errors, "shards", request.Shards is null, "Only data-parallel jobs are sharded.");
            Check(errors, "verification", request.Verification is null, "Only data-parallel jobs replay tasks; federated updates are screened (docs/verification.md).");
            Check(errors, "rootDataset", request.RootDataset is null || Grains.Interfaces.Storage.ContentReference.IsSha256(request.RootDataset), "The SHA-256 (lower-case hex) of a dataset you uploaded to /api/datasets.");
            Check(errors, "rootDataset", request.RootDataset is null || request.BufferSize == 0, "FedBuff rounds close on their buffer and do not wait for the root update.");
            Check(errors, "rootDataset", request.Strategy != "fltrust" || request.RootDataset is not null, "The fltrust strategy scores updates against the platform's update on a root dataset; name one.");
        }

        if (dataParallel)
        {
            Check(errors, "rootDataset", request.RootDataset is null, "Data-parallel jobs are checked by replaying tasks; a root dataset is for federated jobs.");
        }

        Check(errors, "rounds", request.Rounds is >= 1 and <= 1000, "Between 1 and 1000.");
        Check(errors, "minProviders", request.MinProviders is >= 1 and <= 1000, "Between 1 and 1000.");
        Check(errors, "fractionPerRound", request.FractionPerRound is > 0 and <= 1, "In (0, 1].");
        Check(errors, "maxProvidersPerRound", request.MaxProvidersPerRound is null || (request.MaxProvidersPerRound >= request.MinProviders && request.MaxProvidersPerRound <= 1000), "Between minProviders and 1000.");
        Check(errors, "maxProvidersPerRound", request.MaxProvidersPerRound is null || !dataParallel, "Data-parallel rounds have one task per shard; set shards instead.");
        Check(errors, "localEpochs", request.LocalEpochs is >= 1 and <= 100, "Between 1 and 100.");
        Check(errors, "learningRate", request.LearningRate is > 0 and <= 10, "In (0, 10].");
        Check(errors, "batchSize", request.BatchSize is >= 1 and <= 65536, "Between 1 and 65536.");
        Check(errors, "budget", BigInteger.TryParse(request.Budget, NumberStyles.None, CultureInfo.InvariantCulture, out var budget) && budget.GetByteCount() <= 32,
            "A non-negative whole number of the token's smallest unit (at most 256 bits).");
        Check(errors, "model", request.Model is null || IsModelName(request.Model), "1-63 lower-case letters, digits or '-', starting with a letter or digit.");
        Check(errors, "roundTimeoutSeconds", request.RoundTimeoutSeconds is >= 5 and <= 86_400, "Between 5 and 86400.");
        Check(errors, "quorum", request.Quorum >= 0 && request.Quorum <= request.MinProviders, "Between 0 (= minProviders) and minProviders.");
        Check(errors, "bufferSize", request.BufferSize >= 0 && request.BufferSize <= request.MinProviders, "Between 0 (off) and minProviders.");
        Check(errors, "bufferSize", request.BufferSize == 0 || request.Strategy == "fedavg",
            "FedBuff (bufferSize > 0) aggregates staleness-weighted changes itself; use strategy fedavg with it.");
        Check(errors, "proximalMu", request.ProximalMu is >= 0 and <= 10, "Between 0 and 10.");
        Check(errors, "weightDecay", request.WeightDecay is >= 0 and <= 1, "Between 0 and 1.");
        try
        {
            _ = CompressionOptions.Parse(request.Compression);
        }
        catch (ArgumentException ex)
        {
            errors["compression"] = [ex.Message];
        }

        var privacy = PrivacyValidation.Validate(request, errors);
        var deadline = request.Deadline ?? now.AddDays(1);
        Check(errors, "deadline", deadline > now.AddMinutes(1) && deadline <= now.AddDays(90), "Between one minute and 90 days from now.");
        try
        {
            var strategy = StrategyCatalog.Create(request.Strategy ?? "");
            if (strategy is Federation.Robust.Krum krum && request.MinProviders < krum.MinimumClients)
            {
                errors["strategy"] = [$"{request.Strategy} needs at least {krum.MinimumClients} providers per round; minProviders is {request.MinProviders}."];
            }
        }
        catch (Exception ex) when (ex is ArgumentException)
        {
            errors["strategy"] = [ex.Message];
        }

        if (errors.Count > 0 || plan is null)
        {
            return (null, errors);
        }

        var definition = new JobDefinition(
            request.Name ?? plan.Spec.Name,
            ModelSpecJson.Serialize(plan.Spec),
            request.Dataset,
            request.Rounds,
            request.Strategy!,
            request.MinProviders,
            request.FractionPerRound,
            new TrainingSettings(request.LocalEpochs, request.LearningRate, request.BatchSize, request.ProximalMu, request.Compression, request.WeightDecay),
            budget.ToString(CultureInfo.InvariantCulture),
            deadline,
            request.Model ?? Slug(plan.Spec.Name),
            RoundTimeoutSeconds: request.RoundTimeoutSeconds,
            Quorum: request.Quorum,
            BufferSize: request.BufferSize,
            Mode: request.Mode,
            Shards: dataParallel ? request.Shards ?? request.MinProviders : 0,
            Verification: dataParallel ? Settings(request.Verification) : null,
            RootDataset: request.RootDataset ?? "",
            MaxProvidersPerRound: request.MaxProvidersPerRound ?? Math.Max(request.MinProviders, JobDefinition.DefaultMaxProvidersPerRound),
            DatasetOwner: dataParallel ? request.DatasetOwner ?? "" : "",
            Privacy: privacy);
        // A round holds every update it aggregates: a job that could not fit the platform's budget is
        // refused now, not when its first round runs out of memory.
        var updates = Grains.Interfaces.Rounds.RoundMemory.Updates(definition);
        var bound = Grains.Interfaces.Rounds.RoundMemory.Bound(plan.ParameterCount, updates);
        if (bound > roundMemoryBudget)
        {
            errors[dataParallel ? "shards" : "maxProvidersPerRound"] =
            [
                string.Create(CultureInfo.InvariantCulture, $"A round of this job could hold {bound / (1024 * 1024)} MiB ({updates} updates of {plan.ParameterCount} parameters); the budget per round is {roundMemoryBudget / (1024 * 1024)} MiB. Ask for fewer {(dataParallel ? "shards" : "providers per round")} or use a smaller model."),
            ];
            return (null, errors);
        }

        return (definition, errors);
    }

    private static VerificationSettings Settings(VerificationRequest? request)
    {
        var defaults = new VerificationSettings();
        return request is null ? defaults : new VerificationSettings(
            request.ReplicationShare ?? defaults.ReplicationShare,
            request.Replicas ?? defaults.Replicas,
            request.CanaryRate ?? defaults.CanaryRate,
            request.MinCosine ?? defaults.MinCosine,
            request.MaxAbsDifference ?? defaults.MaxAbsDifference,
            request.ReplayOutliers ?? defaults.ReplayOutliers);
    }

    private static bool IsModelName(string name) =>
        name.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-');

    private static string Slug(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "model" : slug.Length > 63 ? slug[..63].TrimEnd('-') : slug;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors[field] = [message];
        }
    }

    // The binder keeps the spec as a JsonElement over the body's bytes and never decodes its strings, so
    // bytes that are not UTF-8 first fail here, where the raw text is transcoded.
    private static string SpecText(JsonElement spec)
    {
        try
        {
            return spec.GetRawText();
        }
        catch (InvalidOperationException ex)
        {
            throw new ModelSpecException($"the spec holds text that is not valid UTF-8: {ex.Message}", ex);
        }
    }
}
