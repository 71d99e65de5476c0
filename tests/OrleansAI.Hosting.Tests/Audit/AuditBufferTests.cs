using OrleansAI.Grains.Interfaces.Audit;
using OrleansAI.Hosting.Audit;

namespace OrleansAI.Hosting.Tests.Audit;

public sealed class AuditBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdenticalEventsFoldIntoOneRecordWithTheirCountAndTimeSpan()
    {
        var buffer = new AuditBuffer();
        var call = Event("bob", "model.infer", "model/alice/m/1", "10.0.0.1");

        buffer.Add(call, T0.AddSeconds(2));
        buffer.Add(call, T0);
        buffer.Add(call, T0.AddSeconds(1));
        var records = buffer.Drain();

        var record = Assert.Single(records);
        Assert.Equal(3, record.Count);
        Assert.Equal(T0, record.FirstUtc);
        Assert.Equal(T0.AddSeconds(2), record.LastUtc);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void EventsThatDifferInAnyFieldStayApart()
    {
        var buffer = new AuditBuffer();
        var baseline = Event("bob", "model.infer", "model/alice/m/1", "10.0.0.1");
        AuditEvent[] variants =
        [
            baseline,
            baseline with { Actor = "carol" },
            baseline with { Action = "model.read" },
            baseline with { Resource = "model/alice/m/2" },
            baseline with { Owner = "dave" },
            baseline with { Source = "10.0.0.2" },
            baseline with { Allowed = false },
            baseline with { Detail = "no grant" },
        ];

        foreach (var variant in variants)
        {
            buffer.Add(variant, T0);
        }

        Assert.Equal(variants.Length, buffer.Drain().Count);
    }

    [Fact]
    public void PastItsBoundTheBufferFoldsNewSourcesInsteadOfGrowingOrDropping()
    {
        var buffer = new AuditBuffer(maxDistinct: 10);

        for (var i = 0; i < 1_000; i++)
        {
            buffer.Add(Event("bob", "model.infer", "model/alice/m/1", $"10.0.{i / 256}.{i % 256}"), T0);
        }

        var records = buffer.Drain();
        Assert.Equal(11, records.Count);
        Assert.Equal(1_000, records.Sum(r => r.Count));
        Assert.Equal(990, Assert.Single(records, r => r.Event.Source == AuditBuffer.ManySources).Count);
    }

    [Fact]
    public void ARecordPutBackAfterAFailedWriteKeepsItsCountAndMergesWithNewEvents()
    {
        var buffer = new AuditBuffer();
        var call = Event("bob", "model.infer", "model/alice/m/1", "10.0.0.1");
        buffer.Add(call, T0.AddSeconds(5));
        var failed = buffer.Drain();

        buffer.Add(call, T0.AddSeconds(9));
        foreach (var record in failed)
        {
            buffer.Add(record.Event, record.FirstUtc, record.LastUtc, record.Count);
        }

        var record2 = Assert.Single(buffer.Drain());
        Assert.Equal(2, record2.Count);
        Assert.Equal(T0.AddSeconds(5), record2.FirstUtc);
        Assert.Equal(T0.AddSeconds(9), record2.LastUtc);
    }

    [Fact]
    public void OverManyRandomStreamsTheDrainedCountsEqualANaiveTallyOfEveryEvent()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var random = new Random(seed);
            var buffer = new AuditBuffer(maxDistinct: 1 + random.Next(40));
            var tally = new Dictionary<(string, string, string), long>();
            var total = 0;
            for (var i = random.Next(500); i > 0; i--)
            {
                var entry = Event($"c{random.Next(5)}", random.Next(2) == 0 ? "model.infer" : "dataset.read", $"r{random.Next(4)}", $"s{random.Next(20)}");
                buffer.Add(entry, T0.AddMilliseconds(random.Next(1000)));
                var key = (entry.Actor, entry.Action, entry.Resource);
                tally[key] = tally.GetValueOrDefault(key) + 1;
                total++;
            }

            var records = buffer.Drain();
            Assert.Equal(total, records.Sum(r => r.Count));
            foreach (var (key, count) in tally)
            {
                Assert.Equal(count, records.Where(r => (r.Event.Actor, r.Event.Action, r.Event.Resource) == key).Sum(r => r.Count));
            }

            Assert.All(records, r => Assert.True(r.FirstUtc <= r.LastUtc));
        }
    }

    private static AuditEvent Event(string actor, string action, string resource, string source) =>
        new(actor, action, resource, "alice", source, true);
}
