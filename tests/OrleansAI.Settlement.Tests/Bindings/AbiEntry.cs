namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>One function, event or constructor of a compiled ABI.</summary>
/// <param name="Kind"><c>function</c>, <c>event</c> or <c>constructor</c>.</param>
/// <param name="Name">The name (empty for the constructor).</param>
/// <param name="Inputs">Inputs (event fields for events), in order.</param>
/// <param name="Outputs">Function outputs, in order.</param>
/// <param name="StateMutability"><c>view</c>, <c>pure</c>, <c>nonpayable</c> or <c>payable</c>.</param>
/// <param name="Anonymous">For events: declared anonymous.</param>
public sealed record AbiEntry(string Kind, string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, string StateMutability, bool Anonymous)
{
    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature => Name + "(" + string.Join(",", Inputs.Select(i => i.Canonical)) + ")";
}
