namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>A property of a binding type carrying a Nethereum <c>[Parameter]</c> attribute.</summary>
/// <param name="Property">The declaring type and property, for reports.</param>
/// <param name="Order">The 1-based position the attribute gives.</param>
/// <param name="Name">The ABI name the attribute gives (empty when it gives none).</param>
/// <param name="Type">The Solidity type the attribute gives.</param>
/// <param name="Indexed">The attribute's <c>indexed</c> flag (events only).</param>
/// <param name="Components">For a tuple: the <c>[Parameter]</c> properties of the property's type (or element type).</param>
public sealed record BoundParameter(string Property, int Order, string Name, string Type, bool Indexed, IReadOnlyList<BoundParameter> Components)
{
    /// <summary>The type as it appears in a canonical signature: tuples spelled out as <c>(a,b)</c>.</summary>
    public string Canonical => Type.StartsWith("tuple", StringComparison.Ordinal)
        ? "(" + string.Join(",", Components.Select(c => c.Canonical)) + ")" + Type["tuple".Length..]
        : Type;
}
