namespace FastAttractors;

/// <summary>
/// Counter-based random numbers: each value is a pure function of (seed, stream, counter), where the
/// stream encodes member index and purpose. Member m therefore gets the same numbers on every backend, in every
/// chunk and shard, whatever the order of evaluation. The mixer is the SplitMix64 finaliser applied twice over a
/// Weyl-spaced key; it passes the usual avalanche tests and is far cheaper than a block cipher.
/// </summary>
public static class CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Purposes keep draws for different quantities of one member independent.</summary>
    public enum Purpose : ulong
    {
        /// <summary>Random network weights (the Gaussian entries of W).</summary>
        Weights = 1,
        /// <summary>Sparsity masks: which entries of W are present.</summary>
        Mask = 2,
        /// <summary>Random initial states.</summary>
        InitialState = 3,
        /// <summary>The per-block (α, θ) of PTA weight matrices.</summary>
        Angles = 4,
        /// <summary>General-purpose noise, reserved.</summary>
        Noise = 5,

        /// <summary>Binary sequence data (src/Host/Binary/Data); numbered apart so purposes added elsewhere do not collide.</summary>
        Patterns = 16,

        // Binary sequence networks (spec: sequence attractors); spaced from the values above so other purposes can be added.
        /// <summary>The fixed projection P behind the hidden targets of binary sequence networks.</summary>
        HiddenProjection = 20,
        /// <summary>The fixed N(0,1) U of <see cref="NetworkVariant.HiddenVOnly"/>.</summary>
        FixedHiddenWeights = 21,
        /// <summary>Initial weights of binary sequence networks.</summary>
        BinaryInitialWeights = 22,
        /// <summary>The bits flipped in the start state of a recall trial.</summary>
        RecallFlips = 23,

        /// <summary>Scans (src/Api/Scan, Engine.Scan): the seed of one row (point × member), from which its weights and initial state are drawn.</summary>
        ScanRow = 30,

        /// <summary>PTA weights drawn from a scan's zero-exponent region (src/Host/Training/PtaWeights.cs): the blocks of one member.</summary>
        PtaFromScan = 31,

        // Training discrete-time RNNs on tasks (src/Host/Training), range 40–49.
        /// <summary>Training data of a task.</summary>
        TaskTrainData = 40,
        /// <summary>Test data of a task.</summary>
        TaskTestData = 41,
        /// <summary>Initial weights of a trained RNN.</summary>
        RnnInitialWeights = 42,
        /// <summary>PTA-block initial weights of a trained RNN.</summary>
        PtaBlocks = 43,
        /// <summary>The shuffled minibatch order of a training epoch.</summary>
        MinibatchOrder = 44,
        /// <summary>Initial states of the members used to estimate a trained RNN's spectrum.</summary>
        RnnSpectrumStart = 45,
        /// <summary>The initial state of the continuous-time sine-training example.</summary>
        ContinuousTraining = 46,

        // Structural stability (src/Host/Stability): weight-noise ensembles and the head-direction circuit's oscillators.
        /// <summary>Weight noise of a weight-noise ensemble.</summary>
        WeightNoise = 50,
        /// <summary>Weight noise of the head-direction circuit's oscillators.</summary>
        OscillatorWeightNoise = 51,
    }

    /// <summary>
    /// 64 random bits, a pure function of (<paramref name="seed"/>, <paramref name="stream"/>,
    /// <paramref name="counter"/>).
    /// </summary>
    public static ulong Bits(ulong seed, ulong stream, ulong counter)
    {
        ulong z = Mix(seed + Golden * (stream + 1));
        z = Mix(z ^ (counter * 0xD1B54A32D192ED03UL + Golden));
        return z;
    }

    /// <summary>Uniform in the open interval (0, 1), 53 random bits.</summary>
    public static double Uniform(ulong seed, ulong stream, ulong counter) =>
        ((Bits(seed, stream, counter) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box–Muller from counters 2k and 2k + 1.</summary>
    public static double Normal(ulong seed, ulong stream, ulong k)
    {
        double u1 = Uniform(seed, stream, 2 * k);
        double u2 = Uniform(seed, stream, 2 * k + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The stream of member <paramref name="member"/> for <paramref name="purpose"/>.</summary>
    public static ulong Stream(long member, Purpose purpose) => ((ulong)member << 8) | (ulong)purpose;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
