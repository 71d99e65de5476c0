namespace OrleansAI.Api.Wire;

/// <summary>Maps the cluster's enums onto the API's by name (a test checks every value has its twin).</summary>
public static class EnumNames
{
    /// <summary>The <typeparamref name="TTo"/> named like <paramref name="value"/>.</summary>
    public static TTo Map<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        Enum.IsDefined(value) && Enum.TryParse<TTo>(value.ToString(), ignoreCase: false, out var mapped) && Enum.IsDefined(mapped)
            ? mapped
            : throw new InvalidOperationException($"{typeof(TTo).Name} has no value named {value}.");
}
