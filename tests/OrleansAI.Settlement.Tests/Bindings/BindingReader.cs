using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>Reads what a Nethereum binding type declares, through the same attributes Nethereum encodes with.</summary>
public static class BindingReader
{
    /// <summary>The binding <paramref name="type"/> stands for, or null when it is not a binding (an enum, a struct's data class).</summary>
    public static Binding? Read(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.GetCustomAttribute<FunctionAttribute>() is { } function)
        {
            return new Binding(type, BindingKind.Function, function.Name, ParametersOf(type), function.ReturnType, function.DTOReturnType, false);
        }

        if (type.GetCustomAttribute<EventAttribute>() is { } @event)
        {
            return new Binding(type, BindingKind.Event, @event.Name, ParametersOf(type), null, null, @event.IsAnonymous);
        }

        if (typeof(ContractDeploymentMessage).IsAssignableFrom(type) && !type.IsAbstract)
        {
            return new Binding(type, BindingKind.Constructor, type.Name, ParametersOf(type), null, null, false);
        }

        if (type.GetCustomAttribute<FunctionOutputAttribute>() is not null)
        {
            return new Binding(type, BindingKind.Output, type.Name, ParametersOf(type), null, null, false);
        }

        return null;
    }

    /// <summary>The <c>[Parameter]</c> properties of <paramref name="type"/> (base types included), by order.</summary>
    public static IReadOnlyList<BoundParameter> ParametersOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var parameters = new List<BoundParameter>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
            {
                continue;
            }

            var components = attribute.Type.StartsWith("tuple", StringComparison.Ordinal)
                ? ParametersOf(ElementType(property.PropertyType))
                : [];
            parameters.Add(new BoundParameter(
                $"{type.Name}.{property.Name}",
                attribute.Order,
                attribute.Name ?? string.Empty,
                attribute.Type,
                attribute.Parameter.Indexed,
                components));
        }

        return [.. parameters.OrderBy(p => p.Order)];
    }

    // A tuple[] property holds a list or an array of the struct type; its fields are the element's.
    private static Type ElementType(Type type)
    {
        if (type.IsArray)
        {
            return ElementType(type.GetElementType()!);
        }

        return type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? ElementType(element)
            : type;
    }
}
