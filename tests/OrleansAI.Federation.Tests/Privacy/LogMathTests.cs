using OrleansAI.Federation.Privacy;

namespace OrleansAI.Federation.Tests.Privacy;

public sealed class LogMathTests
{
    [Theory]
    // erfc to 20+ significant digits (Abramowitz and Stegun table 7.1 extended; any arbitrary-precision erfc agrees).
    [InlineData(-1.0, 1.8427007929497148693412206350826)]
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 0.88753708398171510779672492825603)]
    [InlineData(0.5, 0.47950012218695346231725334610804)]
    [InlineData(1.0, 0.15729920705028513065877936491739)]
    [InlineData(2.0, 0.0046777349810472658379307436327471)]
    [InlineData(3.0, 2.2090496998585441372776129582848e-5)]
    [InlineData(5.0, 1.5374597944280348501883434853834e-12)]
    [InlineData(10.0, 2.0884875837625447570007862949578e-45)]
    public void LogErfcMatchesErfcToNearDoublePrecision(double x, double erfc)
    {
        var actual = Math.Exp(LogMath.LogErfc(x));

        Assert.True(Math.Abs(actual - erfc) <= 1e-13 * erfc, $"erfc({x}) = {actual:R}, expected {erfc:R}");
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(100.0)]
    [InlineData(1000.0)]
    public void LogErfcFollowsTheAsymptoticSeriesWhereErfcUnderflows(double x)
    {
        // log erfc(x) = −x² − log(x√π) + log(1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶) + 105/(16x⁸) − …);
        // the omitted terms are below 1e-13 from x = 30 on.
        var u = 1 / (x * x);
        var expected = -(x * x) - Math.Log(x * Math.Sqrt(Math.PI)) + Math.Log(1 - u / 2 + 3 * u * u / 4 - 15 * u * u * u / 8 + 105 * u * u * u * u / 16);

        var actual = LogMath.LogErfc(x);

        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"log erfc({x}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void LogAddAndLogSubInvertEachOther()
    {
        var sum = LogMath.LogAdd(Math.Log(3), Math.Log(5));
        var difference = LogMath.LogSub(sum, Math.Log(5));

        Assert.Equal(Math.Log(8), sum, 14);
        Assert.Equal(Math.Log(3), difference, 14);
        Assert.Equal(-1000.0, LogMath.LogAdd(double.NegativeInfinity, -1000.0));
        Assert.Equal(double.NegativeInfinity, LogMath.LogSub(2.0, 2.0));
        Assert.Equal(800.0, LogMath.LogSub(800.0, -100.0));
    }

    [Fact]
    public void LogSubRefusesANegativeDifference()
    {
        Assert.Throws<ArgumentException>(() => LogMath.LogSub(1.0, 2.0));
    }

    [Fact]
    public void Log1PAndExpM1KeepTheDigitsOfTinyArguments()
    {
        Assert.Equal(1e-20, LogMath.Log1P(1e-20));
        Assert.Equal(1e-10 - 5e-21, LogMath.Log1P(1e-10), 1e-24);
        Assert.Equal(1e-10 + 5e-21, LogMath.ExpM1(1e-10), 1e-24);
        Assert.Equal(Math.Log(1.5), LogMath.Log1P(0.5), 15);
    }
}
