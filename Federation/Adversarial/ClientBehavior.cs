namespace OrleansAI.Federation.Adversarial;

/// <summary>How a simulated client answers a training task: honestly, or with one of the standard attacks.</summary>
public enum ClientBehavior
{
    /// <summary>Trains on its data and reports the result.</summary>
    Honest,

    /// <summary>Trains, then sends the opposite change: global − Δ.</summary>
    SignFlip,

    /// <summary>Sends the global model plus Gaussian noise instead of training.</summary>
    GaussianNoise,

    /// <summary>Trains on its data with every label y replaced by C − 1 − y (data poisoning).</summary>
    LabelFlip,

    /// <summary>Model replacement: trains, then sends global + n·Δ so its change survives averaging.</summary>
    Scaled,

    /// <summary>"A Little Is Enough" (Baruch et al., 2019): colluders send μ − z·σ of the honest changes, small enough to pass robust filters.</summary>
    LittleIsEnough,

    /// <summary>Does no work and returns the global model, claiming its examples.</summary>
    Lazy,

    /// <summary>Does no work and copies another client's update from the same round.</summary>
    Copycat,

    /// <summary>
    /// Does half the work and claims all of it: trains for half the steps. Its update points the
    /// right way and is only somewhat short, so it passes loose screens; only re-running the task
    /// proves it.
    /// </summary>
    Shirker,
}
