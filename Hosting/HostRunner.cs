using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting;

/// <summary>Runs a host and turns start-up failures into one clear line and an exit code.</summary>
public static class HostRunner
{
    /// <summary>Exit code when a required service is missing.</summary>
    public const int MissingDependency = 3;

    /// <summary>Exit code when the configuration is invalid.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>Runs <paramref name="host"/> until shutdown; returns 0, or a non-zero code with the reason on stderr.</summary>
    public static async Task<int> RunAsync(IHost host, string name)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (Exception ex) when (FindCause<DependencyUnavailableException>(ex) is { } missing)
        {
            await Console.Error.WriteLineAsync(
                $"{name}: cannot start: {missing.Message}{Environment.NewLine}" +
                $"{name}: start the local stack with `./oai.sh up` (or infra/local/stack.sh start), or unset the connection settings to run on embedded defaults.");
            return MissingDependency;
        }
        catch (Exception ex) when (FindCause<OptionsValidationException>(ex) is { } invalid)
        {
            await Console.Error.WriteLineAsync($"{name}: invalid configuration: {string.Join("; ", invalid.Failures)}");
            return InvalidConfiguration;
        }
        catch (Exception ex) when (FindCause<InvalidOperationException>(ex) is { Source: "Microsoft.Extensions.Configuration.Binder" } unbound)
        {
            // A value of the wrong form, e.g. "30d" for a time span: the binder names the setting.
            await Console.Error.WriteLineAsync($"{name}: invalid configuration: {unbound.Message}");
            return InvalidConfiguration;
        }
    }

    /// <summary>The first exception of type <typeparamref name="T"/> in the chain of causes, aggregates included.</summary>
    public static T? FindCause<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }

            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (FindCause<T>(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }
}
