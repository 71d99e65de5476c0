namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>One input, output or event field of an ABI entry, as the compiler wrote it.</summary>
/// <param name="Name">The name; empty for unnamed outputs.</param>
/// <param name="Type">The Solidity ABI type, e.g. <c>uint256</c>, <c>tuple</c> or <c>tuple[]</c>.</param>
/// <param name="Indexed">For event fields: whether the field is a topic.</param>
/// <param name="Components">The fields of a tuple type, in order; empty otherwise.</param>
public sealed record AbiParameter(string Name, string Type, bool Indexed, IReadOnlyList<AbiParameter> Components)
{
    /// <summary>The type as it appears in a canonical signature: tuples spelled out as <c>(a,b)</c>.</summary>
    public string Canonical => Type.StartsWith("tuple", StringComparison.Ordinal)
        ? "(" + string.Join(",", Components.Select(c => c.Canonical)) + ")" + Type["tuple".Length..]
        : Type;
}
