using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>fa_sequence_train: U+V binary networks with hidden neurons, one per sequence (gated margin rule).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int SequenceTrain(nint context, sbyte* patterns, long patternsLength, int networks, int length, int visible, int hidden,
        double kappa, double eta, int maxEpochs, ulong seed,
        double* u, long uLength, double* v, long vLength, int* epochs, long epochsLength, int* converged, long convergedLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, error, capacity, engine =>
        {
            long count = SequenceInputs.CheckPatterns(patterns, patternsLength, networks, length, visible);
            long weights = SequenceInputs.WeightCount(networks, hidden, visible);
            NativeArrays.Count(maxEpochs, "max_epochs");
            NativeArrays.CheckOutput(u, uLength, weights, "u", $"networks·hidden·visible = {networks}·{hidden}·{visible}");
            NativeArrays.CheckOutput(v, vLength, weights, "v", $"networks·visible·hidden = {networks}·{visible}·{hidden}");
            NativeArrays.CheckOutput(epochs, epochsLength, networks, "epochs", "networks");
            NativeArrays.CheckOutput(converged, convergedLength, networks, "converged", "networks");
            var batch = SequenceInputs.Batch(patterns, count, networks, length, visible);

            var trained = engine.TrainSequences(batch, SequenceInputs.Options(hidden, kappa, eta, maxEpochs, seed));

            NativeArrays.WriteDoubles(trained.U, u);
            NativeArrays.WriteDoubles(trained.V, v);
            NativeArrays.WriteInts(trained.Epochs, epochs);
            for (int b = 0; b < networks; b++)
                converged[b] = trained.Converged[b] ? 1 : 0;
        });
    }

    /// <summary>fa_sequence_recall: recall trials of U+V networks given their weights, from ξ(1) with k flipped bits.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int SequenceRecall(nint context, sbyte* patterns, long patternsLength, int networks, int length, int visible, int hidden,
        double* u, long uLength, double* v, long vLength, int flipped, int trials, int criterion, ulong seed,
        int* success, long successLength, byte* error, int capacity)
    {
        return ErrorReport.Run(context, error, capacity, engine =>
        {
            long count = SequenceInputs.CheckPatterns(patterns, patternsLength, networks, length, visible);
            long weights = SequenceInputs.WeightCount(networks, hidden, visible);
            NativeArrays.Count(trials, "trials");
            if (flipped < 0 || flipped > visible)
                throw new ArgumentOutOfRangeException(nameof(flipped), flipped, $"flipped: must be between 0 and visible = {visible}, got {flipped}.");
            var recallCriterion = criterion switch
            {
                0 => RecallCriterion.ExactFromFirstStep,
                1 => RecallCriterion.ReachesSequence,
                _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, $"criterion: must be 0 (exact from the first step) or 1 (reaches the sequence), got {criterion}."),
            };
            NativeArrays.RequireLength(uLength, weights, "u", $"networks·hidden·visible = {networks}·{hidden}·{visible}");
            NativeArrays.RequirePointer(u, "u");
            NativeArrays.RequireLength(vLength, weights, "v", $"networks·visible·hidden = {networks}·{visible}·{hidden}");
            NativeArrays.RequirePointer(v, "v");
            long outcomes = ElementCounts.Product("trials", "success needs networks·trials", networks, trials);
            NativeArrays.CheckOutput(success, successLength, outcomes, "success", $"networks·trials = {networks}·{trials}");
            var batch = SequenceInputs.Batch(patterns, count, networks, length, visible);
            var uValues = NativeArrays.Read(u, uLength, ElementType.Float64, "u");
            var vValues = NativeArrays.Read(v, vLength, ElementType.Float64, "v");

            var trained = SequenceInputs.Trained(batch, hidden, uValues, vValues, engine.Backend);
            var recall = engine.Recall(trained, new RecallOptions { FlippedBits = flipped, Trials = trials, Criterion = recallCriterion, Seed = seed });

            for (int r = 0; r < recall.Success.Length; r++)
                success[r] = recall.Success[r] ? 1 : 0;
        });
    }
}
