using Dto = OrleansAI.Sdk.Cases;

namespace OrleansAI.Api.Wire;

/// <summary>Fraud cases as the API shows them.</summary>
public static class CaseWire
{
    /// <summary>A case with its evidence.</summary>
    public static Dto.FraudCase Case(FraudCaseSnapshot c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var e = c.Evidence;
        var evidence = new Dto.FraudEvidence(e.Kind, e.Provider, e.ModelKey, e.RequestId, Content(e.Input), e.ChainId,
            [.. e.Answers.Select(a => new Dto.SignedAnswer(a.Provider, a.OutputSha256, a.Output is null ? null : Content(a.Output), a.SessionKey, a.Signature, a.InMajority, a.TaskId, a.Examples, a.Runtime))],
            e.AtUtc);
        return new(c.Id, evidence, Status(c.Status), c.Detail, c.SlashedWei, c.OpenedUtc, c.Resolution) { Provider = e.Provider, Kind = e.Kind };
    }

    /// <summary>A case without its evidence, for callers it does not concern: the provider, its kind, status and outcome.</summary>
    public static Dto.FraudCase Outcome(FraudCaseSnapshot c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, null, Status(c.Status), c.Detail, c.SlashedWei, c.OpenedUtc, c.Resolution) { Provider = c.Evidence.Provider, Kind = c.Evidence.Kind };
    }

    /// <summary>A case in the operators' list.</summary>
    public static Dto.CaseEntry Entry(CaseEntry c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Provider, c.Kind, Status(c.Status), c.OpenedUtc);
    }

    private static Dto.FraudCaseStatus Status(FraudCaseStatus status) => EnumNames.Map<FraudCaseStatus, Dto.FraudCaseStatus>(status);

    private static Dto.ContentReference Content(ContentReference c) => new(c.Sha256, c.Length);
}
