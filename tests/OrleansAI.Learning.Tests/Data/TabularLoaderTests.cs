namespace OrleansAI.Learning.Tests.Data;

public sealed class TabularLoaderTests : IDisposable
{
    private const string Iris =
        """
        sepal_length,sepal_width,species,petal_length
        5.1,3.5,setosa,1.4
        7.0,3.2,versicolor,4.7
        6.3,3.3,virginica,6.0
        4.9,3.0,setosa,1.4
        6.4,3.2,versicolor,4.5

        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TextLabelsMapToSortedClassIdsAndTheMappingIsReturned()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        var table = TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "species" });

        Assert.Equal(["setosa", "versicolor", "virginica"], table.ClassNames);
        Assert.Equal([0, 1, 2, 0, 1], table.Dataset.Labels);
        Assert.Equal(3, table.Dataset.Classes);
        Assert.Null(table.Standardizer);
    }

    [Fact]
    public void FeaturesDefaultToEveryOtherColumnInFileOrder()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        var table = TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "species" });

        Assert.Equal(["sepal_length", "sepal_width", "petal_length"], table.FeatureNames);
        Assert.Equal([3], table.Dataset.ExampleShape);
        Assert.Equal([7.0f, 3.2f, 4.7f], table.Dataset.Example(1).ToArray());
    }

    [Fact]
    public void ExplicitFeatureColumnsChooseAndOrderTheFeatures()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        var table = TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "species", FeatureColumns = ["petal_length", "sepal_length"] });

        Assert.Equal(["petal_length", "sepal_length"], table.FeatureNames);
        Assert.Equal([2], table.Dataset.ExampleShape);
        Assert.Equal([6.0f, 6.3f], table.Dataset.Example(2).ToArray());
    }

    [Fact]
    public void IntegerLabelsAreOrderedNumericallyNotAsText()
    {
        var path = _dir.WriteText("numbers.csv", "x,grade\n1,10\n2,9\n3,-1\n4,10\n5,2\n");

        var table = TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "grade" });

        Assert.Equal(["-1", "2", "9", "10"], table.ClassNames);
        Assert.Equal([3, 2, 0, 3, 1], table.Dataset.Labels);
    }

    [Fact]
    public void GivenClassNamesMapATestFileLikeItsTrainingFile()
    {
        var train = TabularLoader.Load(_dir.WriteText("train.csv", Iris), new TabularLoadOptions { LabelColumn = "species" });
        var testPath = _dir.WriteText("test.csv", "sepal_length,sepal_width,species,petal_length\n6.0,2.9,virginica,5.0\n5.0,3.4,virginica,1.5\n");

        var test = TabularLoader.Load(testPath, new TabularLoadOptions { LabelColumn = "species", ClassNames = train.ClassNames });

        Assert.Equal(train.ClassNames, test.ClassNames);
        Assert.Equal([2, 2], test.Dataset.Labels);
        Assert.Equal(3, test.Dataset.Classes);
    }

    [Fact]
    public void LabelOutsideGivenClassNamesIsRejected()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "species", ClassNames = ["setosa", "versicolor"] }));

        Assert.Contains("'virginica'", error.Message, StringComparison.Ordinal);
        Assert.Contains("data row 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardisationIsFittedOnTrainingDataAndReusedForTestData()
    {
        var trainPath = _dir.WriteText("train.csv", "a,b,y\n1,10,p\n3,10,q\n5,10,p\n7,10,q\n");
        var testPath = _dir.WriteText("test.csv", "a,b,y\n4,11,p\n");

        var train = TabularLoader.Load(trainPath, new TabularLoadOptions { LabelColumn = "y", Standardize = true });
        var test = TabularLoader.Load(testPath, new TabularLoadOptions { LabelColumn = "y", ClassNames = train.ClassNames, Standardizer = train.Standardizer });

        var standardizer = Assert.IsType<FeatureStandardizer>(train.Standardizer);
        Assert.Equal([4f, 10f], standardizer.Means);
        Assert.Equal((float)Math.Sqrt(5), standardizer.StandardDeviations[0], 5);
        Assert.Equal(1f, standardizer.StandardDeviations[1]);
        Assert.Equal(-3 / Math.Sqrt(5), train.Dataset.Features[0], 5);
        Assert.Equal(0f, train.Dataset.Features[1]);
        Assert.Same(standardizer, test.Standardizer);
        Assert.Equal([0f, 1f], test.Dataset.Example(0).ToArray());
    }

    [Fact]
    public void QuotedFieldsAndOtherSeparatorsAreSupported()
    {
        var path = _dir.WriteText("quoted.csv", "\"width\";\"kind; of thing\"\n1.5;\"big; red\"\n-2e1;\"small\"\n");

        var table = TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "kind; of thing", Separator = ';' });

        Assert.Equal(["big; red", "small"], table.ClassNames);
        Assert.Equal([1.5f, -20f], table.Dataset.Features);
    }

    [Fact]
    public void MissingLabelColumnIsRejectedListingTheColumns()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "class" }));

        Assert.Contains("'class'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sepal_length, sepal_width, species, petal_length", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFeatureColumnIsRejected()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "species", FeatureColumns = ["petal_width"] }));

        Assert.Contains("'petal_width'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b,y\n1,2,p\n3,abc,q\n", "'b'", "data row 2")]
    [InlineData("a,b,y\n1,2,p\n3,,q\n", "'b'", "data row 2")]
    [InlineData("a,b,y\n1,2,p\n3,4,q\n5,6,p\nseven,8,q\n", "'a'", "data row 4")]
    [InlineData("a,y,b\n1,p,2\n3,q\n", "'b'", "data row 2")]
    public void NonNumericEmptyOrMissingFeaturesAreRejectedNamingColumnAndRow(string csv, string column, string row)
    {
        var path = _dir.WriteText("bad.csv", csv);

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y" }));

        Assert.Contains(column, error.Message, StringComparison.Ordinal);
        Assert.Contains(row, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyLabelIsRejected()
    {
        var path = _dir.WriteText("nolabel.csv", "a,y\n1,p\n2,\n");

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y" }));

        Assert.Contains("data row 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void EmptyFileIsRejected(string contents)
    {
        var path = _dir.WriteText("empty.csv", contents);

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y" }));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderWithoutRowsIsRejected()
    {
        var path = _dir.WriteText("header.csv", "a,b,y\n");

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y" }));

        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleClassIsRejected()
    {
        var path = _dir.WriteText("one.csv", "a,y\n1,p\n2,p\n");

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y" }));

        Assert.Contains("only one class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyColumnsAreRejected()
    {
        var header = string.Join(",", Enumerable.Range(0, 30).Select(i => $"c{i}"));
        var path = _dir.WriteText("wide.csv", header + "\n" + string.Join(",", Enumerable.Repeat("1", 30)) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "c0", MaxColumns = 29 }));

        Assert.Contains("30 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRowsAreRejected()
    {
        var rows = string.Concat(Enumerable.Range(0, 11).Select(i => $"{i},{i % 2}\n"));
        var path = _dir.WriteText("long.csv", "x,y\n" + rows);

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y", MaxRows = 10 }));

        Assert.Contains("more than 10 data rows", error.Message, StringComparison.Ordinal);
        Assert.Equal(11, TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y", MaxRows = 11 }).Dataset.Count);
    }

    [Fact]
    public void DuplicateHeaderNamesAreRejected()
    {
        var path = _dir.WriteText("dup.csv", "a,a,y\n1,2,p\n");

        var error = Assert.Throws<InvalidDataException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "y" }));

        Assert.Contains("'a' twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelListedAsFeatureIsRejected()
    {
        var path = _dir.WriteText("iris.csv", Iris);

        Assert.Throws<ArgumentException>(() => TabularLoader.Load(path, new TabularLoadOptions { LabelColumn = "species", FeatureColumns = ["species"] }));
    }

    [Fact]
    public void MissingFileIsReportedAsNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => TabularLoader.Load(_dir.File("absent.csv"), new TabularLoadOptions { LabelColumn = "y" }));
    }
}
