namespace OrleansAI.Api.Gateway;

/// <summary>Bounds on what a provider may declare; everything a node sends is untrusted input.</summary>
public static class CapabilityRules
{
    /// <summary>The declared capabilities, or the reason they are refused.</summary>
    public static (ProviderCapabilities? Capabilities, string? Error) Parse(Protocol.Register register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var c = register.Capabilities;
        if (c is null)
        {
            return (null, "register needs capabilities");
        }

        if (c.Device is not ("cpu" or "cuda"))
        {
            return (null, "device must be 'cpu' or 'cuda'");
        }

        if (c.MemoryMb is < 0 or > 1L << 30)
        {
            return (null, "memory_mb is out of range");
        }

        if (c.Datasets.Count is 0 or > ProviderCapabilities.MaxDatasets
            || c.Datasets.Any(d => d.Length is 0 or > ProviderCapabilities.MaxNameLength || !d.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')))
        {
            return (null, $"datasets: 1 to {ProviderCapabilities.MaxDatasets} names of letters, digits, '-', '_' or '.', each at most {ProviderCapabilities.MaxNameLength} characters");
        }

        if (!decimal.TryParse(string.IsNullOrEmpty(c.PricePerTask) ? "0" : c.PricePerTask, NumberStyles.None, CultureInfo.InvariantCulture, out var price))
        {
            return (null, "price_per_task must be a non-negative whole number");
        }

        if (c.MaxConcurrentTasks is < 1 or > ProviderCapabilities.MaxTasks)
        {
            return (null, $"max_concurrent_tasks must be 1 to {ProviderCapabilities.MaxTasks}");
        }

        if (!decimal.TryParse(string.IsNullOrEmpty(c.PricePer1KInferences) ? "0" : c.PricePer1KInferences, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var inferencePrice) || inferencePrice > 1_000_000_000_000m)
        {
            return (null, "price_per_1k_inferences must be a non-negative decimal number");
        }

        if (c.ServingMemoryMb is < 0 or > 1L << 30)
        {
            return (null, "serving_memory_mb is out of range");
        }

        var agent = register.Agent.Length > ProviderCapabilities.MaxNameLength ? register.Agent[..ProviderCapabilities.MaxNameLength] : register.Agent;
        return (new ProviderCapabilities(c.Device, c.MemoryMb, [.. c.Datasets.Distinct(StringComparer.Ordinal)], price, c.MaxConcurrentTasks, agent, c.Serves, c.ServingMemoryMb, inferencePrice), null);
    }
}
