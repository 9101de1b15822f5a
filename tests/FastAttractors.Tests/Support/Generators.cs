using FsCheck;
using FsCheck.Fluent;

namespace FastAttractors.Tests.Support;

/// <summary>A random ensemble case: a built-in model with random shape, parameters and seed, plus a solver and horizon.</summary>
public sealed record EnsembleCase(string Kind, int N, int Members, bool PerMember, long Seed, double Dt, int Steps, double Gain)
{
    /// <summary>The model; <paramref name="weights"/> (if given) rewrites the drawn W or A block, e.g. to poison one member's.</summary>
    public IEnsembleModel Model(Func<ParameterBlock, ParameterBlock>? weights = null)
    {
        int? members = PerMember ? Members : null;
        ParameterBlock W(double connectivity) => (weights ?? (w => w))(Weights.SparseGaussian(N, Gain, connectivity, members, Seed));
        return Kind switch
        {
            "tanh-rnn" => new TanhRnn(W(0.5),
                ParameterBlock.Shared("b", Enumerable.Range(0, N).Select(i => 0.1 * Math.Sin(i + Seed)).ToArray()),
                ParameterBlock.Shared("tau", [0.5 + (Seed % 3)])),
            "relu-rnn" => new ReluRnn(W(0.5),
                ParameterBlock.Shared("b", Enumerable.Range(0, N).Select(i => 0.2 * Math.Cos(i * Seed)).ToArray())),
            "tanh-of-linear-flow" => new TanhOfLinear(W(1.0), DynamicsKind.Flow),
            "tanh-of-linear-map" => new TanhOfLinear(W(1.0), DynamicsKind.Map),
            "linear" => new Linear(Shifted(W(1.0), N)),
            "lorenz" => PerMember ? Lorenz.RhoSweep(Members, 0, 28) : new Lorenz(),
            // c ≥ 4 with initial states of std 1 keeps x below c at the start, so z' = b + z (x − c) cannot run away
            // to overflow within the short horizons the properties use. With c = 2 and std 2 a member could
            // overflow on one backend and stay finite on another, which is rounding, not disagreement.
            "rossler" => Rossler.Create(0.2, 0.2, 4 + Seed % 3),
            "henon" => PerMember ? new Henon(ParameterBlock.PerMemberRows("a_b",
                Enumerable.Range(0, Members).Select(m => new[] { 1.0 + 0.4 * m / Math.Max(1, Members - 1), 0.3 }).ToArray())) : new Henon(),
            _ => throw new ArgumentException(Kind),
        };
    }

    public int Dimension => Kind switch { "lorenz" or "rossler" => 3, "henon" => 2, _ => N };

    public ISolver Solver => Kind is "henon" or "tanh-of-linear-map" ? MapIteration.Instance : new Rk4(Dt);

    public double[] InitialStates() => Kind switch
    {
        "lorenz" => FastAttractors.InitialStates.Normal(3, Members, 5.0, Seed + 1, mean: 1.0),
        "rossler" => FastAttractors.InitialStates.Normal(3, Members, 1.0, Seed + 1),
        "henon" => FastAttractors.InitialStates.Normal(2, Members, 0.05, Seed + 1),
        _ => FastAttractors.InitialStates.Normal(N, Members, 1.0, Seed + 1),
    };

    public EnsembleProblem Problem() => new(Model(), InitialStates(), Members);

    /// <summary>A = W − (1 + |W|) I: Hurwitz-stable so errors do not grow.</summary>
    private static ParameterBlock Shifted(ParameterBlock w, int n)
    {
        var values = (double[])w.Values.Clone();
        for (int i = 0; i < n; i++)
            for (int m = 0; m < w.Members; m++)
                values[(long)(i * n + i) * w.Members + m] -= 1.5;
        return w.PerMember ? ParameterBlock.PerMemberSoa("A", n * n, w.Members, values) : ParameterBlock.Shared("A", values);
    }
}

public static class Generators
{
    public static readonly string[] Kinds =
        ["tanh-rnn", "relu-rnn", "tanh-of-linear-flow", "tanh-of-linear-map", "linear", "lorenz", "henon", "rossler"];

    /// <summary>n in 1–64, members in 1–300, short horizons (vectorised tanh differs by ulps and chaos amplifies it).</summary>
    public static Arbitrary<EnsembleCase> Cases(int maxN = 64, int maxMembers = 300) =>
        (from kind in Gen.Elements(Kinds)
         from n in Gen.Choose(1, maxN)
         from members in Gen.Choose(1, maxMembers)
         from perMember in Gen.Elements(true, false)
         from seed in Gen.Choose(0, 1_000_000)
         from dt in Gen.Elements(0.005, 0.01, 0.02, 0.05)
         from steps in Gen.Choose(1, 20)
         from gain in Gen.Elements(0.5, 1.0, 1.5, 1.8)
         select new EnsembleCase(kind, n, members, perMember, seed, dt, steps, gain)).ToArbitrary();
}
