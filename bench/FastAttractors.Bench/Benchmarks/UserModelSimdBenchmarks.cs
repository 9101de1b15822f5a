using BenchmarkDotNet.Attributes;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// Lorenz on Simd, 65,536 members × 200 RK4 steps (dt 0.001), final states only: the built-in hand-written tile
/// field; the same f as a user model called once per tile in lane numbers, stepped with each tile's state in
/// registers (4 tiles in lockstep, the default, or 1 or 2) or through the tile's memory buffers; and that user model
/// lane by lane (the path before vectorisation, kept callable for this comparison). "f not inlined" rows use
/// <see cref="PlainUserLorenz{T}"/>, the same f without the inlining mark. The built-in is the baseline of the Ratio
/// column.
/// </summary>
public class UserModelSimdBenchmarks
{
    private const int Members = 65_536;
    private const int Steps = 200;

    private Engine? engine;
    private EnsembleProblem? problem;

    [Params(Precision.Float32, Precision.Float64)]
    public Precision Precision { get; set; }

    [Params("built-in", "user registers", "user registers ×1", "user registers ×2", "user memory",
        "user registers, f not inlined", "user memory, f not inlined", "user lane by lane")]
    public string Path { get; set; } = "built-in";

    [GlobalSetup]
    public void Setup()
    {
        engine = Engine.Create(Backend.Simd);
        IEnsembleModel model = Path switch
        {
            "built-in" => new Lorenz(),
            "user registers" => User(),
            "user registers ×1" => User(tiles: 1),
            "user registers ×2" => User(tiles: 2),
            "user memory" => User(registers: false),
            "user registers, f not inlined" => Plain(),
            "user memory, f not inlined" => Plain(registers: false),
            _ => new UserModel<PlainUserLorenz<Real64>, PlainUserLorenz<Real32>>(new(), new(), DynamicsKind.Flow, "UserLorenz") { LaneByLaneOnSimd = true },
        };
        problem = new EnsembleProblem(model, InitialStates.Normal(3, Members, 5.0, 1, mean: 1.0), Members);
    }

    private static UserModel<UserLorenz<Real64>, UserLorenz<Real32>> User(bool registers = true, int tiles = 0) =>
        new(new(), new(), DynamicsKind.Flow, "UserLorenz") { RegistersOnSimd = registers, RegisterTilesInLockstep = tiles };

    private static UserModel<PlainUserLorenz<Real64>, PlainUserLorenz<Real32>> Plain(bool registers = true) =>
        new(new(), new(), DynamicsKind.Flow, "UserLorenz") { RegistersOnSimd = registers };

    [GlobalCleanup]
    public void Cleanup() => engine?.Dispose();

    [Benchmark]
    public double Integrate() =>
        engine!.Integrate(problem!, new Rk4(0.001), Steps, SaveAt.Final, new IntegrateOptions { Precision = Precision }).FinalStates[0];
}
