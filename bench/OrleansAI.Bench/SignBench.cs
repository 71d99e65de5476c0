using System.Diagnostics;
using Nethereum.Signer;
using OrleansAI.Protocol;

namespace OrleansAI.Bench;

/// <summary>
/// What signing and checking a result costs: the protocol's signer (libsecp256k1's C# port) against
/// Nethereum's default signing path as the baseline, in the same run, on the same keys and result
/// messages; and recovering the signer, as the gateway does for every result and login.
/// </summary>
internal static class SignBench
{
    /// <summary>Runs the benchmark.</summary>
    public static Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Int("signatures", args.Quick ? 200 : 2_000);
        var keys = Enumerable.Range(0, 16).Select(_ => EthECKey.GenerateKey()).ToArray();
        var messages = Enumerable.Range(0, count).Select(i => ResultMessage.Format(31337, Guid.NewGuid().ToString("N"), Convert.ToHexStringLower(BitConverter.GetBytes((long)i).Concat(new byte[24]).ToArray()), 102_176, 32, "")).ToArray();
        var reference = new EthereumMessageSigner();
        var signatures = new string[count];
        double Time(Action<int> work)
        {
            for (var i = 0; i < Math.Min(50, count); i++)
            {
                work(i);
            }

            var runs = new List<double>();
            for (var r = 0; r < 5; r++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    work(i);
                }

                runs.Add(clock.Elapsed.TotalMilliseconds / count);
            }

            return Stats.Median(runs);
        }

        var baseline = Time(i => reference.EncodeUTF8AndSign(messages[i], keys[i % keys.Length]));
        var ours = Time(i => signatures[i] = MessageSignatures.Sign(messages[i], keys[i % keys.Length]));
        var recover = Time(i => MessageSignatures.RecoverSigner(messages[i], signatures[i]));
        Console.WriteLine($"sign: {count} result messages × 5 runs, median per signature: protocol {Stats.F(ours, 3)} ms, Nethereum default path {Stats.F(baseline, 3)} ms ({Stats.F(baseline / ours, 1)}×); recovering the signer {Stats.F(recover, 3)} ms");
        Console.WriteLine($"RESULT sign sign_ms={Stats.F(ours, 3)} baseline_sign_ms={Stats.F(baseline, 3)} speedup={Stats.F(baseline / ours, 1)} recover_ms={Stats.F(recover, 3)}");
        return Task.FromResult(0);
    }
}
