using FastAttractors.Bench.W7;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// W7's recall half: the networks of <see cref="SequenceCase"/>, trained once on Simd before the clock starts (on the
/// dyadic grid every backend learns the same weights), each recalled by 10 trials from 10 flipped bits; the unit is
/// network-steps (<see cref="W7Workload.RecallSteps"/>: T for a trial that followed the whole cycle, 1 for a failed one).
/// The cross-check compares the trial outcomes of the first networks, which must be identical.
/// </summary>
internal sealed class SequenceRecallCase : BenchCase
{
    private const int Trials = 10;
    private const int SmallNetworks = 8, SmallEpochs = 100;
    private const int FullNetworks = 256, FullEpochs = 500, FullSubsample = 8;

    public override string Id => "W7R";
    public override string Title => $"binary sequence attractors: recall, N = {W7Workload.N}, M = {W7Workload.M}, T = {W7Workload.T}, {Trials} trials × {W7Workload.Flips} flipped bits (networks trained untimed)";
    public override string Unit => "network-steps";

    // The production paths do not all do the dense 2·M·N products per step (Simd follows stored patterns by differences),
    // so a flop rate would not describe the work: none is claimed.
    public override double? FlopsPerUnit => null;
    public override string NoFlopCountReason => "Simd follows stored patterns by differences, not by dense 2·M·N products per step";
    public override int CheckedMembers => 2;
    public override double Tolerance => 0;
    public override string ToleranceReason => "W7R: 0 (trial outcomes; on the dyadic grid every backend's fields are exact, so outcomes are identical)";

    public override BenchScale Scale(Backend backend, BenchSize size)
    {
        if (size == BenchSize.Small)
            return new(SmallNetworks, SmallNetworks);
        return backend is Backend.Reference or Backend.IlgpuCpu ? new(FullNetworks, FullSubsample) : new(FullNetworks, FullNetworks);
    }

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var sequences = W7Workload.Sequences(ran);
        TrainingResult trained;
        using (var trainer = Engine.Create(Backend.Simd))
            trained = trainer.TrainSequences(sequences, W7Workload.Training(size == BenchSize.Small ? SmallEpochs : FullEpochs));
        var options = W7Workload.Recall(Trials);
        int check = Math.Min(CheckedMembers, ran);
        return engine =>
        {
            var recalled = engine.Recall(trained, options);
            var outcomes = Enumerable.Range(0, check)
                .Select(b => Enumerable.Range(0, Trials).Select(r => recalled.Success[b * Trials + r] ? 1.0 : 0.0).ToArray()).ToList();
            string note = recalled.Backend == engine.Backend ? "" : $"recall ran on the {recalled.Backend} path";
            return new BenchOutput(W7Workload.RecallSteps(recalled), outcomes, note);
        };
    }
}
