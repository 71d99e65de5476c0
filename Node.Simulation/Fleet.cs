using Microsoft.Extensions.Logging;

namespace OrleansAI.Node.Simulation;

/// <summary>
/// A simulated fleet in one process (<c>oai-node --simulate N</c>): provider i has the key
/// <see cref="SimulatedKeys.Of"/>(seed, i), partition i of Fashion-MNIST and, by index, its attack
/// or its lies.
/// </summary>
public static class Fleet
{
    /// <summary>The fleet's agents, all on one gateway client and one task runner.</summary>
    public static IReadOnlyList<ProviderAgent> Create(FleetOptions options, ProviderGateway.ProviderGatewayClient client, TaskRunner runner, HttpClient blobs, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logs);
        var partitions = FleetData.FashionMnist(options.Providers, options.DirichletAlpha, options.Seed, options.MaxExamples, options.DataDirectory);
        return [.. partitions.Select((data, i) =>
        {
            var settings = new AgentSettings { Serving = options.Serving, TrainingThreads = options.TrainingThreads, MaxConcurrentTasks = options.MaxTasks };
            var misbehavior = new Misbehavior
            {
                Behavior = options.Attacks.GetValueOrDefault(i, ClientBehavior.Honest),
                CheatRate = options.CheatRate,
                Lie = options.Liars.Contains(i),
            };
            var context = SimulatedProvider.Context(SimulatedKeys.Of(options.Seed, i), data, settings, options.Seed * 10_007 + i, misbehavior);
            return new ProviderAgent(client, context, runner, logs.CreateLogger<ProviderAgent>(), ModelCache.ForProvider(context, blobs, logs));
        })];
    }
}
