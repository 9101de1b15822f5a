using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Models;
using FsCheck;
using FsCheck.Fluent;

namespace FastAttractors.Tests.Support;

/// <summary>How the one poisoned member of an <see cref="IsolationCase"/> is made to misbehave.</summary>
public enum Poison
{
    /// <summary>
    /// One component of its initial state is ±1.7e308 (non-finite initial states are refused up front, so this is how a
    /// member goes ±∞ or NaN within its first steps).
    /// </summary>
    OverflowingState,

    /// <summary>Every component of its initial state is ±10^Exponent (finite, but far outside any fast path's range).</summary>
    HugeState,

    /// <summary>Its own W (or A) block is scaled by 10^Exponent; models without per-member weights get a huge state instead.</summary>
    HugeWeights,
}

/// <summary>
/// A random ensemble spanning several tiles (float32 tiles hold up to 16 lanes, float64 up to 8) with one member,
/// <see cref="Poisoned"/>, made non-finite or huge. <see cref="Benign"/> is the same ensemble without the poison: every
/// other member must compute exactly the same in both.
/// </summary>
public sealed record IsolationCase(EnsembleCase Ensemble, bool UserModel, int Poisoned, Poison Poison, int Component, double Sign, int Exponent)
{
    public int Members => Ensemble.Members;

    public int Dimension => UserModel ? 3 : Ensemble.Dimension;

    public ISolver Solver => UserModel ? new Rk4(Ensemble.Dt) : Ensemble.Solver;

    public bool IsMap => Solver is MapIteration;

    private bool PoisonsWeights => Poison == Poison.HugeWeights && !UserModel && Ensemble.PerMember
        && Ensemble.Kind is "tanh-rnn" or "relu-rnn" or "tanh-of-linear-flow" or "tanh-of-linear-map" or "linear";

    public EnsembleProblem Benign() => new(Model(null), InitialStates(), Members);

    public EnsembleProblem WithPoison()
    {
        var x0 = InitialStates();
        int n = Dimension;
        double huge = Sign * Math.Pow(10, Exponent);
        switch (Poison)
        {
            case Poison.OverflowingState:
                x0[(long)Component % n * Members + Poisoned] = Sign * double.MaxValue * 0.95;
                break;
            case Poison.HugeWeights when PoisonsWeights:
                return new EnsembleProblem(Model(ScaleMember(Math.Pow(10, Exponent))), x0, Members);
            default:
                for (int i = 0; i < n; i++)
                    x0[(long)i * Members + Poisoned] = huge;
                break;
        }
        return new EnsembleProblem(Model(null), x0, Members);
    }

    private IEnsembleModel Model(Func<ParameterBlock, ParameterBlock>? weights) => UserModel
        ? new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler")
        : Ensemble.Model(weights);

    private double[] InitialStates() => UserModel
        ? FastAttractors.InitialStates.Normal(3, Members, 2.0, Ensemble.Seed + 1)
        : Ensemble.InitialStates();

    private Func<ParameterBlock, ParameterBlock> ScaleMember(double factor) => w =>
    {
        var values = (double[])w.Values.Clone();
        for (int p = 0; p < w.Length; p++)
            values[(long)p * w.Members + Poisoned] *= factor;
        return ParameterBlock.PerMemberSoa(w.Name, w.Length, w.Members, values);
    };

    public override string ToString() =>
        $"{(UserModel ? "user Rössler, " : "")}{Ensemble}, member {Poisoned} poisoned by {Poison} (component {Component}, sign {Sign}, 1e{Exponent})";

    /// <summary>
    /// n ≤ <paramref name="maxN"/>; 17–<paramref name="maxMembers"/> members, so even 16-lane float32 tiles come more
    /// than once and the poisoned member has tile-mates; every built-in model plus a user model.
    /// </summary>
    public static Arbitrary<IsolationCase> Arbitrary(int maxN = 12, int maxMembers = 40) =>
        (from e in Generators.Cases(maxN, maxMembers).Generator
         from members in Gen.Choose(17, maxMembers)
         from user in Gen.Frequency((1, Gen.Constant(true)), (7, Gen.Constant(false)))
         from poisoned in Gen.Choose(0, members - 1)
         from poison in Gen.Elements(Enum.GetValues<Poison>())
         from component in Gen.Choose(0, 1000)
         from sign in Gen.Elements(1.0, -1.0)
         from exponent in Gen.Choose(3, 300)
         select new IsolationCase(e with { Members = members }, user, poisoned, poison, component, sign, exponent)).ToArbitrary();
}
