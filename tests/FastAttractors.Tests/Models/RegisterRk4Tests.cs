using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Simd.Lanes;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Models;

/// <summary>
/// Small user models stepped by RK4 with each tile's state in registers against the memory-resident vectorised path
/// (same arithmetic: equal bits, including the members frozen at a non-finite step and the step recorded), and
/// against the Reference oracle.
/// </summary>
public class RegisterRk4Tests
{
    private static UserModel<RandomSmallField<Real64>, RandomSmallField<Real32>> Model(int n, int seed, bool useScratch, bool registers, int group = 0)
    {
        var random = new Random(seed);
        var c = new double[RandomSmallField<Real64>.CoefficientCount(n)];
        for (int i = 0; i < c.Length; i++)
            c[i] = 2 * random.NextDouble() - 1;
        return new(new(n, c, useScratch), new(n, c, useScratch), DynamicsKind.Flow, "random small")
        {
            RegistersOnSimd = registers,
            RegisterTilesInLockstep = group,
        };
    }

    public static TheoryData<int, int, int, bool, int, Precision> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, int, Precision>();
        var random = new Random(11);
        foreach (var precision in new[] { Precision.Float64, Precision.Float32 })
        {
            for (int n = 1; n <= 4; n++)
            {
                foreach (int group in new[] { 1, 2, 4 })
                    data.Add(n, random.Next(1000), 1 + random.Next(70), random.Next(2) == 1, group, precision);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Register_path_is_bit_identical_to_the_memory_path(int n, int seed, int members, bool useScratch, int group, Precision precision)
    {
        var simd = EngineCache.Get(Backend.Simd);
        // Wide initial states: the quadratic terms make some members blow up within the run, so the freeze and the
        // failed-step record are compared too.
        EnsembleProblem Problem(bool registers) =>
            new(Model(n, seed, useScratch, registers, group), InitialStates.Normal(n, members, 3.0, seed), members);
        var options = new IntegrateOptions { Precision = precision };
        var fast = simd.Integrate(Problem(true), new Rk4(0.05), 120, SaveAt.EveryNthStep(7), options);
        var slow = simd.Integrate(Problem(false), new Rk4(0.05), 120, SaveAt.EveryNthStep(7), options);
        Assert.Equal(slow.FinalStates, fast.FinalStates);
        Assert.Equal(slow.Trajectory, fast.Trajectory);
        Assert.Equal(slow.Status, fast.Status);
        Assert.Equal(slow.FailedStep, fast.FailedStep);
    }

    [Theory]
    [InlineData(Precision.Float32, 56)] // 7 tiles of 8: groups of 4 and 3 (the 3 run as 2 + 1)
    [InlineData(Precision.Float32, 17)] // 3 tiles, the last padded
    [InlineData(Precision.Float64, 56)] // 14 tiles of 4: 4 + 4 + 4 + 2
    [InlineData(Precision.Float64, 5)]  // 2 tiles
    public void Every_remainder_of_the_lockstep_groups_is_stepped(Precision precision, int members)
    {
        var simd = EngineCache.Get(Backend.Simd);
        EnsembleProblem Problem(bool registers) => new(Model(3, 8, false, registers), InitialStates.Normal(3, members, 3.0, 8), members);
        var options = new IntegrateOptions { Precision = precision };
        var fast = simd.Integrate(Problem(true), new Rk4(0.05), 60, SaveAt.EveryNthStep(20), options);
        var slow = simd.Integrate(Problem(false), new Rk4(0.05), 60, SaveAt.EveryNthStep(20), options);
        Assert.Equal(slow.FinalStates, fast.FinalStates);
        Assert.Equal(slow.Trajectory, fast.Trajectory);
        Assert.Equal(slow.FailedStep, fast.FailedStep);
    }

    /// <summary>ẋ = −x, with no inlining mark.</summary>
    private readonly struct UnmarkedDecay<T> : IModel<T> where T : unmanaged, IReal<T>
    {
        public int Dimension => 1;
        public int ScratchLength => 0;

        public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
            where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
            where TIn : struct, IVectorIn<TNum>
            where TOut : struct, IVectorOut<TNum>
            where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum> => y.Set(0, -x[0]);
    }

    [Fact]
    public void Register_path_is_offered_only_for_models_marked_for_inlining_and_not_switched_off()
    {
        var c = new double[RandomSmallField<Real64>.CoefficientCount(2)];
        Assert.True(new VectorisedUserField<double, Lanes64, Real64, RandomSmallField<Real64>>(new(2, c, false), registerResident: true).RegisterResident);
        Assert.False(new VectorisedUserField<double, Lanes64, Real64, RandomSmallField<Real64>>(new(2, c, false), registerResident: false).RegisterResident);
        Assert.False(new VectorisedUserField<float, Lanes32, Real32, UnmarkedDecay<Real32>>(new(), registerResident: true).RegisterResident);
        Assert.True(InlinedEvaluate<RosslerField<Real32>, Real32>.IsMarked);
    }

    [Fact]
    public void Some_members_of_the_bit_identity_runs_do_fail()
    {
        // Guards the test above: without failing members it would not compare the freeze at all.
        var simd = EngineCache.Get(Backend.Simd);
        var problem = new EnsembleProblem(Model(3, 5, false, true), InitialStates.Normal(3, 64, 3.0, 5), 64);
        var solution = simd.Integrate(problem, new Rk4(0.05), 120);
        Assert.Contains(MemberStatus.NonFinite, solution.Status);
        Assert.Contains(solution.Status, s => s != MemberStatus.NonFinite);
    }

    [Theory]
    [InlineData(Precision.Float64, 1e-10)]
    [InlineData(Precision.Float32, 1e-4)]
    public void Register_path_matches_the_reference_oracle(Precision precision, double tolerance)
    {
        const int members = 29;
        for (int n = 1; n <= 4; n++)
        {
            // Small initial states and a short run: no member blows up, so the oracle is compared everywhere.
            var problem = new EnsembleProblem(Model(n, 100 + n, n % 2 == 0, true), InitialStates.Normal(n, members, 0.3, n), members);
            var reference = EngineCache.Get(Backend.Reference).Integrate(problem, new Rk4(0.01), 50, SaveAt.EveryNthStep(10));
            var simd = EngineCache.Get(Backend.Simd).Integrate(problem, new Rk4(0.01), 50, SaveAt.EveryNthStep(10), new IntegrateOptions { Precision = precision });
            Assert.All(simd.Status, s => Assert.Equal(MemberStatus.Ok, s));
            Compare.Close(simd.FinalStates, reference.FinalStates, tolerance, $"n = {n} {precision} final");
            Compare.Close(simd.Trajectory!, reference.Trajectory!, tolerance, $"n = {n} {precision} trajectory");
        }
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void Built_in_rossler_is_bit_identical_on_both_paths(Precision precision)
    {
        const int members = 45;
        EnsembleProblem Problem(bool registers) => new(
            new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "rossler") { RegistersOnSimd = registers },
            InitialStates.Normal(3, members, 2.0, 9, mean: 1.0), members);
        var simd = EngineCache.Get(Backend.Simd);
        var options = new IntegrateOptions { Precision = precision };
        var fast = simd.Integrate(Problem(true), new Rk4(0.01), 300, SaveAt.EveryNthStep(100), options);
        var slow = simd.Integrate(Problem(false), new Rk4(0.01), 300, SaveAt.EveryNthStep(100), options);
        Assert.Equal(slow.FinalStates, fast.FinalStates);
        Assert.Equal(slow.Trajectory, fast.Trajectory);
    }
}
