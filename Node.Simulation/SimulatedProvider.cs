using Nethereum.Signer;

namespace OrleansAI.Node.Simulation;

/// <summary>Provider contexts whose conduct is simulated: what fleets and in-process networks run.</summary>
public static class SimulatedProvider
{
    /// <summary>
    /// A provider that misbehaves as <paramref name="misbehavior"/> says, in training and in serving;
    /// colluders meet on <paramref name="board"/>.
    /// </summary>
    public static ProviderContext Context(EthECKey key, LocalData data, AgentSettings settings, int seed, Misbehavior misbehavior, CollusionBoard? board = null)
    {
        ArgumentNullException.ThrowIfNull(misbehavior);
        return new ProviderContext(key, data, settings, seed)
        {
            // Even an honest simulated provider takes the simulated conduct: with a cheat rate below 1
            // it still draws per task, and those draws shift its later ones.
            Conduct = new SimulatedConduct(misbehavior, board),
            Answers = misbehavior.Lie ? LyingAnswers.Instance : HonestInference.Instance,
        };
    }
}
