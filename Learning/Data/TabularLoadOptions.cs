namespace OrleansAI.Learning.Data;

/// <summary>
/// How <see cref="TabularLoader"/> reads a CSV file. The bounds exist because the loader holds the
/// whole table in memory: a wrong file (a log, a binary) should fail fast with a message rather than
/// exhaust the machine.
/// </summary>
public sealed record TabularLoadOptions
{
    /// <summary>Header name of the column holding the class of each row (text or integer categories).</summary>
    public required string LabelColumn { get; init; }

    /// <summary>Header names of the numeric feature columns, in the order features should take; null means every column except the label, in file order.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>
    /// A fixed class order (index = class id), e.g. <see cref="TabularData.ClassNames"/> of the training
    /// file when loading its test file, so both splits share ids. Null derives the order from the file:
    /// numeric order when every label is an integer, ordinal string order otherwise.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Field separator.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Fit a <see cref="FeatureStandardizer"/> on this file and apply it (ignored when <see cref="Standardizer"/> is set).</summary>
    public bool Standardize { get; init; }

    /// <summary>An already fitted standardiser to apply, typically the training file's, so a test file is scaled identically.</summary>
    public FeatureStandardizer? Standardizer { get; init; }

    /// <summary>Most columns the header may name.</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>Most data rows the file may hold.</summary>
    public int MaxRows { get; init; } = 1_000_000;
}
