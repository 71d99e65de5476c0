using Newtonsoft.Json.Serialization;

namespace OrleansAI.Hosting.Orleans;

/// <summary>
/// Keeps grain state readable when it holds lists made by C# collection expressions. Assigned to an
/// <c>IReadOnlyList&lt;T&gt;</c>, <c>[.. items]</c> builds a compiler-generated type
/// (<c>&lt;&gt;z__ReadOnlyArray&lt;T&gt;</c>, <c>&lt;&gt;z__ReadOnlyList&lt;T&gt;</c>) private to the
/// assembly that wrote it, which the JSON grain storage would name in the state and then be unable to
/// construct (or even find, when another process wrote it). Such lists are written as
/// <see cref="List{T}"/>, and state written before this fix is read back as one.
/// </summary>
public sealed class CollectionExpressionBinder(ISerializationBinder inner) : ISerializationBinder
{
    private const string GeneratedPrefix = "<>z__";

    /// <inheritdoc />
    public Type BindToType(string? assemblyName, string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (!typeName.StartsWith(GeneratedPrefix, StringComparison.Ordinal))
        {
            return inner.BindToType(assemblyName, typeName);
        }

        // "<>z__ReadOnlyList`1[[System.Int64, System.Private.CoreLib]]": the element type is the one generic argument.
        var open = typeName.IndexOf("[[", StringComparison.Ordinal);
        var close = typeName.LastIndexOf("]]", StringComparison.Ordinal);
        if (open < 0 || close <= open)
        {
            throw new Newtonsoft.Json.JsonSerializationException($"Cannot read the compiler-generated collection type '{typeName}'.");
        }

        var argument = typeName[(open + 2)..close];
        var comma = argument.LastIndexOf(", ", StringComparison.Ordinal);
        var element = comma < 0 ? inner.BindToType(null, argument) : inner.BindToType(argument[(comma + 2)..], argument[..comma]);
        return typeof(List<>).MakeGenericType(element);
    }

    /// <inheritdoc />
    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        ArgumentNullException.ThrowIfNull(serializedType);
        if (serializedType.IsGenericType && serializedType.Name.StartsWith(GeneratedPrefix, StringComparison.Ordinal) && serializedType.GetGenericArguments() is [var element])
        {
            inner.BindToName(typeof(List<>).MakeGenericType(element), out assemblyName, out typeName);
            return;
        }

        inner.BindToName(serializedType, out assemblyName, out typeName);
    }
}
