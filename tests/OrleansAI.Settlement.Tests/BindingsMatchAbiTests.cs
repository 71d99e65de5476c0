using OrleansAI.Settlement.Tests.Bindings;

namespace OrleansAI.Settlement.Tests;

public sealed class BindingsMatchAbiTests
{
    private const string ContractsNamespace = "OrleansAI.Settlement.Contracts.";

    // Settlement/Contracts/<Folder> holds the bindings of the contract of that name, except Token
    // (OAIToken) and AccessControl: OpenZeppelin's role functions, which every contract behind a
    // RoleManagedContractService inherits, so they must agree with each of them.
    private static readonly Dictionary<string, string[]> ContractsOfFolder = new(StringComparer.Ordinal)
    {
        ["Token"] = ["OAIToken"],
        ["Staking"] = ["Staking"],
        ["Rewards"] = ["Rewards"],
        ["JobEscrow"] = ["JobEscrow"],
        ["ModelRegistry"] = ["ModelRegistry"],
        ["Governance"] = ["Governance"],
        ["AccessControl"] = ["Staking", "Rewards", "JobEscrow", "ModelRegistry"],
    };

    private static readonly IReadOnlyList<Binding> Bindings =
        [.. typeof(ContractArtifacts).Assembly.GetTypes().Select(BindingReader.Read).OfType<Binding>()];

    [Fact]
    public void EveryBindingMatchesTheCompiledAbiOfItsContract()
    {
        var abis = ContractArtifacts.Names.ToDictionary(n => n, n => ContractAbi.Parse(n, ContractArtifacts.Get(n).AbiJson), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var binding in Bindings)
        {
            var folder = binding.ClrType.Namespace is { } ns && ns.StartsWith(ContractsNamespace, StringComparison.Ordinal)
                ? ns[ContractsNamespace.Length..]
                : null;
            if (folder is null || !ContractsOfFolder.TryGetValue(folder, out var contracts))
            {
                problems.Add($"{binding.ClrType.FullName}: not in a Settlement/Contracts folder this test knows the contract of");
                continue;
            }

            foreach (var contract in contracts)
            {
                problems.AddRange(BindingComparer.Compare(binding, abis[contract]));
            }
        }

        // An output DTO no function returns would never be compared.
        var returned = Bindings.Select(b => b.OutputType).OfType<Type>().ToHashSet();
        problems.AddRange(Bindings.Where(b => b.Kind == BindingKind.Output && !returned.Contains(b.ClrType))
            .Select(b => $"{b.ClrType.FullName}: no function binding returns this output DTO"));

        Assert.True(problems.Count == 0, $"{problems.Count} mismatch(es) between the bindings and the compiled ABIs:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void EveryContractFolderHoldsBindingsTheTestReads()
    {
        var folders = Bindings.Select(b => b.ClrType.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith(ContractsNamespace, StringComparison.Ordinal))
            .Select(ns => ns[ContractsNamespace.Length..])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ContractsOfFolder.Keys.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        Assert.True(Bindings.Count >= 90, $"only {Bindings.Count} binding types were found; the reflection no longer sees them");
        Assert.All(Enum.GetValues<BindingKind>(), kind => Assert.Contains(Bindings, b => b.Kind == kind));
    }
}
