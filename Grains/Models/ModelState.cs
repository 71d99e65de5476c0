namespace OrleansAI.Grains.Models;

/// <summary>Stored state of a <see cref="ModelGrain"/>: its versions by number and the job that made each.</summary>
[GenerateSerializer, Alias("OrleansAI.ModelState")]
public sealed class ModelState
{
    /// <summary>Job id of each version, index = version − 1.</summary>
    [Id(0)] public List<string> VersionJobs { get; set; } = [];
}
