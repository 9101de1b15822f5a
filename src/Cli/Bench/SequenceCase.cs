using FastAttractors.Bench.W7;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// W7's learning half: B binary networks (N = 100, M = 400, T = 50) trained by the gated margin rule on the dyadic grid
/// (<see cref="W7Workload"/>); the unit is synaptic updates (2·M·N·T per network-epoch, from the epochs actually run).
/// Recall is not timed here (the <c>w7</c> runner of bench/ times it). The cross-check compares the learned U and V of
/// the first networks, which the dyadic grid makes equal on every backend.
/// </summary>
internal sealed class SequenceCase : BenchCase
{
    private const int SmallNetworks = 8, SmallEpochs = 100, SmallSubsample = 2;
    private const int FullNetworks = 256, FullEpochs = 500, FullSubsample = 8;

    public override string Id => "W7";
    public override string Title => $"binary sequence attractors: learn, N = {W7Workload.N}, M = {W7Workload.M}, T = {W7Workload.T}, HiddenUV batch, η = 2^-10, κ = 1";
    public override string Unit => "synaptic updates";
    public override double? FlopsPerUnit => null;
    public override int CheckedMembers => 2;

    // Every weight is a sum of ±η·(±1) terms on the dyadic grid: exact in float32 and float64 alike, so any difference is a bug.
    public override double Tolerance => 0;
    public override string ToleranceReason => "W7: 0 (dyadic η and κ make every weight exact; backends learn bit-identical U and V)";

    public override BenchScale Scale(Backend backend, BenchSize size)
    {
        bool small = size == BenchSize.Small;
        int networks = small ? SmallNetworks : FullNetworks;
        // IlgpuCpu's emulated barriers make its training kernel slow (~30 s for 8 networks at the small size; all 256 of
        // the full size would take hours): it runs 2 networks at either size, and the runner notes the extrapolation.
        if (backend == Backend.IlgpuCpu)
            return new(networks, Math.Min(networks, SmallSubsample));
        return backend == Backend.Reference ? new(networks, Math.Min(networks, small ? SmallSubsample : FullSubsample)) : new(networks, networks);
    }

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        // W7Workload's patterns are keyed by flat index with the network slowest, so the first `ran` networks are those of the full batch.
        var sequences = W7Workload.Sequences(ran);
        var options = W7Workload.Training(size == BenchSize.Small ? SmallEpochs : FullEpochs);
        int check = Math.Min(CheckedMembers, ran);
        return engine =>
        {
            var trained = engine.TrainSequences(sequences, options);
            var weights = Enumerable.Range(0, check).Select(b => trained.UOf(b).ToArray().Concat(trained.VOf(b).ToArray()).ToArray()).ToList();
            // ILGPU engines train on the Simd path (there is no training kernel); the row must not pass that off as ILGPU's speed.
            string note = trained.Backend == engine.Backend ? "" : $"training ran on the {trained.Backend} path (no {engine.Backend} training kernel)";
            return new BenchOutput(W7Workload.SynapticUpdates(trained), weights, note);
        };
    }
}
