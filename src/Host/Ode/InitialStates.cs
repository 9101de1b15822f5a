using FastAttractors.Backends;

namespace FastAttractors;

/// <summary>Initial-state constructors in the ensemble layout (SoA, member fastest), counter-based so member m's state is reproducible.</summary>
public static class InitialStates
{
    /// <summary>x_i(0) ~ N(mean, std²) independently for every component and member.</summary>
    public static double[] Normal(int dimension, int members, double std, long seed, double mean = 0.0)
    {
        Check(dimension, members);
        if (!double.IsFinite(std) || std < 0)
            throw new ArgumentOutOfRangeException(nameof(std), std, $"std must be finite and non-negative, got {std}.");
        var x = new double[(long)dimension * members];
        Parallel.For(0, members, m =>
        {
            ulong stream = CounterRandom.Stream(m, CounterRandom.Purpose.InitialState);
            for (int i = 0; i < dimension; i++)
                x[(long)i * members + m] = mean + std * CounterRandom.Normal((ulong)seed, stream, (ulong)i);
        });
        return x;
    }

    /// <summary>Every member starts at the same point.</summary>
    public static double[] Constant(int members, params double[] point)
    {
        Check(point.Length, members);
        var x = new double[(long)point.Length * members];
        for (int i = 0; i < point.Length; i++)
            Array.Fill(x, point[i], i * members, members);
        return x;
    }

    private static void Check(int dimension, int members)
    {
        if (dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be at least 1, got {dimension}.");
        if (members < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        HostMemory.EnsureFits((double)dimension * members, $"the initial states (n = {dimension})", nameof(members), members);
    }
}
