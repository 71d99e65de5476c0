using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrleansAI.Learning.Data;

/// <summary>
/// Loads a CSV table with a header row into a <see cref="LabeledDataset"/> through ML.NET's
/// <see cref="TextLoader"/>, so quoting, separators and number parsing behave exactly as in any other
/// ML.NET pipeline. The label column may hold text or integer categories; they are mapped to
/// 0..C−1 in a stable order that is returned, so a test file can be loaded with the same ids.
/// Features must all be numeric: a non-numeric, empty or missing value is an error naming the column
/// and row, never a silent NaN or zero.
/// </summary>
public static class TabularLoader
{
    private const string FeaturesColumn = "Features";
    private const string LabelColumn = "Label";

    /// <summary>Loads <paramref name="path"/> as described by <paramref name="options"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is empty, lacks a named column, holds a non-numeric feature or an empty label, has a
    /// label outside <see cref="TabularLoadOptions.ClassNames"/>, fewer than two classes, or exceeds
    /// the configured bounds.
    /// </exception>
    public static TabularData Load(string path, TabularLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.LabelColumn, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxColumns, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRows, 1, nameof(options));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        }

        var header = ReadHeader(path, options);
        var labelIndex = header.IndexOf(options.LabelColumn);
        if (labelIndex < 0)
        {
            throw new InvalidDataException($"CSV file '{path}' has no label column '{options.LabelColumn}'; its columns are: {string.Join(", ", header)}.");
        }

        var featureNames = SelectFeatures(path, header, options);
        var ranges = featureNames.Select(name => new TextLoader.Range(header.IndexOf(name))).ToArray();
        var loaderOptions = new TextLoader.Options
        {
            HasHeader = true,
            Separators = [options.Separator],
            AllowQuoting = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
            Columns =
            [
                new TextLoader.Column(FeaturesColumn, DataKind.Single, ranges),
                new TextLoader.Column(LabelColumn, DataKind.String, labelIndex),
            ],
        };

        var context = new MLContext(seed: 0);
        var view = context.Data.LoadFromTextFile(path, loaderOptions);
        var features = new List<float>();
        var labelTexts = new List<string>();
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            var getFeatures = FeatureGetter(cursor, view.Schema[FeaturesColumn]);
            var getLabel = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema[LabelColumn]);
            var row = new float[featureNames.Count];
            ReadOnlyMemory<char> label = default;
            while (cursor.MoveNext())
            {
                var rowNumber = labelTexts.Count + 1;
                if (rowNumber > options.MaxRows)
                {
                    throw new InvalidDataException($"CSV file '{path}' has more than {options.MaxRows} data rows; raise {nameof(TabularLoadOptions.MaxRows)} if that is intended.");
                }

                getFeatures(row);
                for (var column = 0; column < row.Length; column++)
                {
                    if (!float.IsFinite(row[column]))
                    {
                        throw new InvalidDataException($"CSV file '{path}', data row {rowNumber}: feature column '{featureNames[column]}' is not a finite number (non-numeric, empty or missing).");
                    }
                }

                features.AddRange(row);

                getLabel(ref label);
                var text = label.ToString().Trim();
                if (text.Length == 0)
                {
                    throw new InvalidDataException($"CSV file '{path}', data row {rowNumber}: label column '{options.LabelColumn}' is empty or missing.");
                }

                labelTexts.Add(text);
            }
        }

        if (labelTexts.Count == 0)
        {
            throw new InvalidDataException($"CSV file '{path}' has a header but no data rows.");
        }

        var classNames = options.ClassNames is { } given ? CheckClassNames(given) : DeriveClassNames(path, labelTexts);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classNames.Count; i++)
        {
            ids[classNames[i]] = i;
        }

        var labels = new int[labelTexts.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!ids.TryGetValue(labelTexts[i], out labels[i]))
            {
                throw new InvalidDataException($"CSV file '{path}', data row {i + 1}: label '{labelTexts[i]}' is not one of the given classes ({string.Join(", ", classNames)}).");
            }
        }

        var dataset = new LabeledDataset([featureNames.Count], [.. features], labels, classNames.Count);
        var standardizer = options.Standardizer ?? (options.Standardize ? FeatureStandardizer.Fit(dataset) : null);
        if (standardizer is not null)
        {
            dataset = standardizer.Apply(dataset);
        }

        return new TabularData(dataset, classNames, featureNames, standardizer);
    }

    private static Action<float[]> FeatureGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        // TextLoader makes a one-range column a scalar and a multi-range column a vector.
        if (column.Type is VectorDataViewType)
        {
            var getVector = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> buffer = default;
            return row =>
            {
                getVector(ref buffer);
                buffer.CopyTo(row);
            };
        }

        var getScalar = cursor.GetGetter<float>(column);
        return row =>
        {
            var value = 0f;
            getScalar(ref value);
            row[0] = value;
        };
    }

    private static List<string> ReadHeader(string path, TabularLoadOptions options)
    {
        string? line;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            line = reader.ReadLine();
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            throw new InvalidDataException($"CSV file '{path}' is empty: its first line must be a header naming the columns.");
        }

        var header = SplitHeader(line, options.Separator);
        if (header.Count > options.MaxColumns)
        {
            throw new InvalidDataException($"CSV file '{path}' has {header.Count} columns, more than the {options.MaxColumns} allowed; raise {nameof(TabularLoadOptions.MaxColumns)} if that is intended.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header)
        {
            if (name.Length == 0)
            {
                throw new InvalidDataException($"CSV file '{path}' has a header column without a name.");
            }

            if (!seen.Add(name))
            {
                throw new InvalidDataException($"CSV file '{path}' names column '{name}' twice in its header.");
            }
        }

        return header;
    }

    private static List<string> SelectFeatures(string path, List<string> header, TabularLoadOptions options)
    {
        if (options.FeatureColumns is null)
        {
            var all = header.Where(name => name != options.LabelColumn).ToList();
            if (all.Count == 0)
            {
                throw new InvalidDataException($"CSV file '{path}' has no column besides the label '{options.LabelColumn}'.");
            }

            return all;
        }

        if (options.FeatureColumns.Count == 0)
        {
            throw new ArgumentException("At least one feature column is needed; pass null to use every column but the label.", nameof(options));
        }

        var chosen = new List<string>();
        foreach (var name in options.FeatureColumns)
        {
            if (name == options.LabelColumn)
            {
                throw new ArgumentException($"Column '{name}' is the label and cannot also be a feature.", nameof(options));
            }

            if (chosen.Contains(name))
            {
                throw new ArgumentException($"Feature column '{name}' is listed twice.", nameof(options));
            }

            if (!header.Contains(name))
            {
                throw new InvalidDataException($"CSV file '{path}' has no feature column '{name}'; its columns are: {string.Join(", ", header)}.");
            }

            chosen.Add(name);
        }

        return chosen;
    }

    private static List<string> CheckClassNames(IReadOnlyList<string> given)
    {
        var names = given.Select(n => n?.Trim() ?? string.Empty).ToList();
        if (names.Count < 2 || names.Any(n => n.Length == 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("Given class names must be at least two distinct, non-empty strings.", nameof(given));
        }

        return names;
    }

    private static List<string> DeriveClassNames(string path, List<string> labelTexts)
    {
        var distinct = labelTexts.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
        {
            throw new InvalidDataException($"CSV file '{path}' has only one class ('{distinct[0]}') in its label column; classification needs at least two.");
        }

        var allIntegers = distinct.All(t => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        return allIntegers
            ? [.. distinct.OrderBy(t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)).ThenBy(t => t, StringComparer.Ordinal)]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }

    private static List<string> SplitHeader(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
