namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>What one hand-written binding type says about a contract's ABI.</summary>
/// <param name="ClrType">The binding type.</param>
/// <param name="Kind">Function, event, constructor or output DTO.</param>
/// <param name="Name">The ABI name the attribute gives (the type's name for constructors and output DTOs).</param>
/// <param name="Inputs">Its <c>[Parameter]</c> properties, by order (the outputs of an output DTO).</param>
/// <param name="ReturnType">For functions: the single return type the attribute gives, if any.</param>
/// <param name="OutputType">For functions: the output DTO the attribute gives, if any.</param>
/// <param name="Anonymous">For events: whether the attribute declares it anonymous.</param>
public sealed record Binding(Type ClrType, BindingKind Kind, string Name, IReadOnlyList<BoundParameter> Inputs, string? ReturnType, Type? OutputType, bool Anonymous)
{
    /// <summary>The canonical signature it encodes or decodes, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature => Name + "(" + string.Join(",", Inputs.Select(i => i.Canonical)) + ")";
}
