using System.Globalization;
using System.Text;
using FsCheck.Xunit;

namespace OrleansAI.Inference.Tests.Oip;

public sealed class JsonNumberPropertyTests
{
    [Property(MaxTest = 2000)]
    public void TheFastNumberPathAgreesWithTheFrameworkParserBitForBit(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 50; i++)
        {
            var text = RandomNumber(random);
            var utf8 = Encoding.UTF8.GetBytes(text);

            Assert.Equal(BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)), BitConverter.SingleToInt32Bits(JsonNumber.ToSingle(utf8)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(JsonNumber.ToDouble(utf8)));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0e5")]
    [InlineData("1.00000005960464477539062500001")]
    [InlineData("1.000000059604644775390625")]
    [InlineData("16777217")]
    [InlineData("3.4028235e38")]
    [InlineData("3.4028236e38")]
    [InlineData("1e39")]
    [InlineData("1.4e-45")]
    [InlineData("1e-46")]
    [InlineData("9007199254740993")]
    [InlineData("0.000000000000000000000000000001")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1E+22")]
    [InlineData("1e-22")]
    [InlineData("1e400")]
    public void EdgeCasesMatchTheFrameworkParser(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);

        Assert.Equal(BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)), BitConverter.SingleToInt32Bits(JsonNumber.ToSingle(utf8)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(JsonNumber.ToDouble(utf8)));
    }

    /// <summary>JSON numbers of every form: round-trip floats, halfway floats, random digit strings with fractions and exponents.</summary>
    private static string RandomNumber(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return BitConverter.Int32BitsToSingle(random.Next() & 0x7F7F_FFFF).ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal);
            case 1:
                // Exactly halfway between two floats: the double-rounding trap.
                var f = BitConverter.Int32BitsToSingle(random.Next(0x0080_0000, 0x7F00_0000));
                var halfway = ((double)f + MathF.BitIncrement(f)) / 2;
                return halfway.ToString("R", CultureInfo.InvariantCulture);
            case 2:
                return (random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString("R", CultureInfo.InvariantCulture);
            default:
                var builder = new StringBuilder();
                if (random.Next(2) == 0)
                {
                    builder.Append('-');
                }

                var whole = random.Next(0, 12);
                builder.Append(whole == 0 ? "0" : (char)('1' + random.Next(9)) + Digits(random, whole - 1));
                if (random.Next(2) == 0)
                {
                    builder.Append('.').Append(Digits(random, random.Next(1, 22)));
                }

                if (random.Next(3) == 0)
                {
                    builder.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(random.Next(0, 50));
                }

                return builder.ToString();
        }
    }

    private static string Digits(Random random, int count) =>
        new([.. Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10)))]);
}
