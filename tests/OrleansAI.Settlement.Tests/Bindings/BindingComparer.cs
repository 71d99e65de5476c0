namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>
/// Compares one hand-written binding with a contract's compiled ABI and says, in words, everything
/// that differs: a function, event or overload the ABI lacks, a parameter's name, Solidity type or
/// position, an event field's <c>indexed</c> flag, and the shape of what a function returns.
/// </summary>
/// <remarks>
/// Nethereum encodes from the attributes alone, so any of these differences either changes the
/// selector or topic (calls revert, logs are never matched) or silently shifts values between
/// fields; nothing fails until the chain is touched.
/// </remarks>
public static class BindingComparer
{
    /// <summary>The mismatches between <paramref name="binding"/> and <paramref name="abi"/>; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(Binding binding, ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(abi);
        var problems = new List<string>();
        var where = $"{abi.Contract}: {binding.ClrType.Name}";
        switch (binding.Kind)
        {
            case BindingKind.Function:
                if (Resolve(binding, abi, "function", where, problems) is { } function)
                {
                    var at = $"{where} ({function.Signature})";
                    CompareParameters(at, function.Inputs, binding.Inputs, events: false, problems);
                    CompareOutputs(at, function, binding, problems);
                }

                break;

            case BindingKind.Event:
                if (Resolve(binding, abi, "event", where, problems) is { } @event)
                {
                    var at = $"{where} ({@event.Signature})";
                    CompareParameters(at, @event.Inputs, binding.Inputs, events: true, problems);
                    if (binding.Anonymous != @event.Anonymous)
                    {
                        problems.Add($"{at}: the binding says anonymous={binding.Anonymous}, the ABI anonymous={@event.Anonymous}");
                    }
                }

                break;

            case BindingKind.Constructor:
                CompareParameters($"{where} (constructor)", abi.ConstructorInputs, binding.Inputs, events: false, problems);
                break;

            case BindingKind.Output:
                // Checked against the outputs of the function that returns it.
                break;
        }

        return problems;
    }

    // The ABI entry the binding means: the one of that name, or among overloads the one with the
    // binding's input types; failing that, the only one with as many inputs (so its parameters can
    // still be compared one by one).
    private static AbiEntry? Resolve(Binding binding, ContractAbi abi, string kind, string where, List<string> problems)
    {
        var candidates = abi.Named(kind, binding.Name);
        if (candidates.Count == 0)
        {
            problems.Add($"{where}: {kind} '{binding.Name}' does not exist in the ABI of {abi.Contract}");
            return null;
        }

        if (candidates.FirstOrDefault(c => c.Signature == binding.Signature) is { } exact)
        {
            return exact;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var sameArity = candidates.Where(c => c.Inputs.Count == binding.Inputs.Count).ToList();
        if (sameArity.Count == 1)
        {
            return sameArity[0];
        }

        problems.Add($"{where}: no overload of {kind} '{binding.Name}' matches {binding.Signature}; the ABI has {string.Join(", ", candidates.Select(c => c.Signature))}");
        return null;
    }

    private static void CompareOutputs(string where, AbiEntry function, Binding binding, List<string> problems)
    {
        var abiReturns = "(" + string.Join(",", function.Outputs.Select(o => o.Canonical)) + ")";
        if (binding.OutputType is { } dto)
        {
            CompareParameters($"{where} output {dto.Name}", function.Outputs, BindingReader.ParametersOf(dto), events: false, problems);
        }
        else if (binding.ReturnType is { } returns)
        {
            if (function.Outputs.Count != 1 || function.Outputs[0].Type != returns)
            {
                problems.Add($"{where}: the binding returns {returns}, the ABI returns {abiReturns}");
            }
        }
        else if (function.Outputs.Count > 0)
        {
            // Harmless while the function is only sent as a transaction, but the first query of it
            // (or a simulated call) would have nothing to decode with.
            problems.Add($"{where}: the binding declares no return value, the ABI returns {abiReturns}");
        }
    }

    private static void CompareParameters(string where, IReadOnlyList<AbiParameter> abi, IReadOnlyList<BoundParameter> bound, bool events, List<string> problems)
    {
        foreach (var clash in bound.GroupBy(p => p.Order).Where(g => g.Count() > 1))
        {
            problems.Add($"{where}: order {clash.Key} is given to {string.Join(" and ", clash.Select(p => p.Property))}");
        }

        // Pair by name first, so a parameter that moved is reported as moved; what is left pairs by
        // position, so a parameter that was renamed is reported as renamed.
        var pairs = new Dictionary<int, BoundParameter>();
        var unpaired = bound.ToList();
        for (var i = 0; i < abi.Count; i++)
        {
            var name = abi[i].Name;
            if (name.Length > 0 && abi.Count(a => a.Name == name) == 1 && unpaired.Where(b => b.Name == name).ToList() is [var byName])
            {
                pairs[i] = byName;
                unpaired.Remove(byName);
            }
        }

        for (var i = 0; i < abi.Count; i++)
        {
            if (!pairs.ContainsKey(i) && unpaired.FirstOrDefault(b => b.Order == i + 1) is { } byPosition)
            {
                pairs[i] = byPosition;
                unpaired.Remove(byPosition);
            }
        }

        for (var i = 0; i < abi.Count; i++)
        {
            var expected = abi[i];
            if (!pairs.TryGetValue(i, out var actual))
            {
                problems.Add($"{where}: ABI parameter {i + 1} {Describe(expected.Name)} ({expected.Type}) has no property in the binding");
                continue;
            }

            var label = $"{where}: parameter {Describe(expected.Name.Length > 0 ? expected.Name : actual.Name)} ({actual.Property})";
            if (actual.Order != i + 1)
            {
                problems.Add($"{label} has order {actual.Order}, the ABI has it at position {i + 1}");
            }

            if (actual.Name != expected.Name)
            {
                problems.Add($"{label} is named {Describe(actual.Name)}, the ABI names it {Describe(expected.Name)}");
            }

            if (actual.Type != expected.Type)
            {
                problems.Add($"{label} is {actual.Type}, the ABI has {expected.Type}");
            }
            else if (expected.Type.StartsWith("tuple", StringComparison.Ordinal))
            {
                CompareParameters($"{where} {Describe(expected.Name)}", expected.Components, actual.Components, events: false, problems);
            }

            if (events && actual.Indexed != expected.Indexed)
            {
                problems.Add($"{label} has indexed={actual.Indexed}, the ABI indexed={expected.Indexed}");
            }
        }

        foreach (var extra in unpaired)
        {
            problems.Add($"{where}: {extra.Property} ({Describe(extra.Name)}, {extra.Type}, order {extra.Order}) is not a parameter in the ABI");
        }
    }

    private static string Describe(string name) => name.Length > 0 ? $"'{name}'" : "(unnamed)";
}
