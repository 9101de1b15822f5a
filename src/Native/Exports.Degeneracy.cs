using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using FastAttractors.Degeneracy;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>
    /// fa_degeneracy_sizes: parses and validates a degeneracy spec (the CLI's <c>degeneracy --spec</c> JSON schema,
    /// <see cref="DegeneracySpecJson"/>) and returns the lengths fa_degeneracy_study's arrays must have: networks =
    /// conditions·networks-per-condition, pairs = conditions·N(N−1)/2. Trains nothing.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int DegeneracySizes(byte* specJson, long* networks, long* pairs, byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () =>
        {
            NativeArrays.RequirePointer(networks, "networks");
            NativeArrays.RequirePointer(pairs, "pairs");
            var (n, p) = DegeneracyArguments.Sizes(DegeneracyArguments.Spec(specJson));
            *networks = n;
            *pairs = p;
        });
    }

    /// <summary>
    /// fa_degeneracy_study: runs <see cref="DegeneracyStudy.Run"/> on the spec (no checkpoints, no Lyapunov exponents of
    /// either kind, within-condition pairs only: "exponents", "drivenExponents" other than 0 and "pairs": "all" are
    /// refused, named) and
    /// writes one row per network (network i = condition i / N, replicate i % N; conditions widths-major, then
    /// regularisers) and one slot per pair (condition-major, then i &lt; j within the condition; NaN where either network is
    /// not usable). Every output is checked before anything is trained.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int DegeneracyStudyRun(nint context, byte* specJson,
        int* condition, long conditionLength, int* width, long widthLength, long* seed, long seedLength,
        int* status, long statusLength, int* usable, long usableLength, long* steps, long stepsLength,
        double* finalTestLoss, long finalTestLossLength, double* oodLoss, long oodLossLength,
        int* fixedPoints, long fixedPointsLength, int* stableFixedPoints, long stableFixedPointsLength,
        int* first, long firstLength, int* second, long secondLength, double* oodDifference, long oodDifferenceLength,
        double* dsa, long dsaLength, double* weightDistance, long weightDistanceLength, double* oneMinusCka, long oneMinusCkaLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, error, capacity, _ =>
        {
            var spec = DegeneracyArguments.Spec(specJson);
            if (spec.Exponents != 0)
                throw new ArgumentOutOfRangeException("exponents", spec.Exponents,
                    $"exponents: fa_degeneracy_study computes no Lyapunov exponents (the CLI's degeneracy does); give 0, got {spec.Exponents}.");
            if (spec.DrivenExponents != 0)
                throw new ArgumentOutOfRangeException("drivenExponents", spec.DrivenExponents,
                    $"drivenExponents: fa_degeneracy_study has no output for driven Lyapunov exponents (the CLI's degeneracy writes them); give 0, got {spec.DrivenExponents}.");
            var (networks, pairs) = DegeneracyArguments.Sizes(spec);
            string rows = $"networks = {networks}", slots = $"pairs = {pairs}";
            NativeArrays.CheckOutput(condition, conditionLength, networks, "condition", rows);
            NativeArrays.CheckOutput(width, widthLength, networks, "width", rows);
            NativeArrays.CheckOutput(seed, seedLength, networks, "seed", rows);
            NativeArrays.CheckOutput(status, statusLength, networks, "status", rows);
            NativeArrays.CheckOutput(usable, usableLength, networks, "usable", rows);
            NativeArrays.CheckOutput(steps, stepsLength, networks, "steps", rows);
            NativeArrays.CheckOutput(finalTestLoss, finalTestLossLength, networks, "final_test_loss", rows);
            NativeArrays.CheckOutput(oodLoss, oodLossLength, networks, "ood_loss", rows);
            NativeArrays.CheckOutput(fixedPoints, fixedPointsLength, networks, "fixed_points", rows);
            NativeArrays.CheckOutput(stableFixedPoints, stableFixedPointsLength, networks, "stable_fixed_points", rows);
            NativeArrays.CheckOutput(first, firstLength, pairs, "first", slots);
            NativeArrays.CheckOutput(second, secondLength, pairs, "second", slots);
            NativeArrays.CheckOutput(oodDifference, oodDifferenceLength, pairs, "ood_difference", slots);
            NativeArrays.CheckOutput(dsa, dsaLength, pairs, "dsa", slots);
            NativeArrays.CheckOutput(weightDistance, weightDistanceLength, pairs, "weight_distance", slots);
            NativeArrays.CheckOutput(oneMinusCka, oneMinusCkaLength, pairs, "one_minus_cka", slots);

            var result = DegeneracyStudy.Run(spec);

            int n = spec.Networks;
            foreach (var row in result.Networks)
            {
                int i = row.Index;
                condition[i] = i / n;
                width[i] = row.Width;
                seed[i] = row.Seed;
                status[i] = (int)row.Status;
                usable[i] = row.Usable ? 1 : 0;
                steps[i] = row.Steps;
                finalTestLoss[i] = row.FinalTestLoss;
                oodLoss[i] = row.OodLoss;
                fixedPoints[i] = row.FixedPoints;
                stableFixedPoints[i] = row.StableFixedPoints;
            }
            long slot = 0;
            for (long c = 0; slot < pairs; c++)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = i + 1; j < n; j++, slot++)
                    {
                        first[slot] = checked((int)(c * n + i));
                        second[slot] = checked((int)(c * n + j));
                        oodDifference[slot] = dsa[slot] = weightDistance[slot] = oneMinusCka[slot] = double.NaN;
                    }
                }
            }
            var layout = DegeneracyArguments.Layout(spec);
            foreach (var pair in result.Pairs)
            {
                long at = DegeneracyOutputs.Slot(layout, pair.First, pair.Second);
                oodDifference[at] = pair.Behaviour;
                dsa[at] = pair.Dsa;
                weightDistance[at] = pair.WeightFrobenius;
                oneMinusCka[at] = 1 - pair.Cka;
            }
        });
    }
}

/// <summary>The spec text of the degeneracy exports and the sizes it implies, each checked exactly.</summary>
internal static unsafe class DegeneracyArguments
{
    /// <summary>The most bytes of spec text read (a spec is a few hundred).</summary>
    public const int MaxSpecBytes = 1 << 20;

    public static DegeneracyStudySpec Spec(byte* specJson)
    {
        NativeArrays.RequirePointer(specJson, DegeneracySpecJson.Argument);
        int length = 0;
        while (specJson[length] != 0)
        {
            if (++length > MaxSpecBytes)
                throw new ArgumentException($"{DegeneracySpecJson.Argument}: longer than {MaxSpecBytes} bytes (or not NUL-terminated).", DegeneracySpecJson.Argument);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(specJson, length);
        }
        catch (DecoderFallbackException)
        {
            throw new ArgumentException($"{DegeneracySpecJson.Argument}: not valid UTF-8.", DegeneracySpecJson.Argument);
        }
        return DegeneracySpecJson.Parse(text);
    }

    /// <summary>The shape of the networks of a spec fa_train_ensemble accepts: one width and one regulariser.</summary>
    public static Training.RnnShape EnsembleShape(DegeneracyStudySpec spec)
    {
        if (spec.Widths.Count != 1)
            throw new ArgumentException($"widths: fa_train_ensemble trains networks of one width, got {spec.Widths.Count} ({string.Join(", ", spec.Widths)}).", "widths");
        if (spec.Regularisers.Count != 1)
            throw new ArgumentException($"regularisers: fa_train_ensemble trains with one regulariser, got {spec.Regularisers.Count}.", "regularisers");
        if (spec.Exponents != 0)
            throw new ArgumentOutOfRangeException("exponents", spec.Exponents, $"exponents: fa_train_ensemble computes no Lyapunov exponents; give 0, got {spec.Exponents}.");
        var task = spec.Task.Train;
        return new Training.RnnShape(spec.Widths[0], task.Inputs, task.Outputs);
    }

    /// <summary>networks·(parameters per network), refused naming "networks" when it exceeds one array.</summary>
    public static long ParameterCount(DegeneracyStudySpec spec, Training.RnnShape shape) =>
        ElementCounts.Product("networks", "the parameters are networks·(n·n + n·m + n + o·n + o)", spec.Networks, shape.Count);

    /// <summary>(networks, pairs) of fa_degeneracy_study, whose pair slots are the within-condition ones only: "pairs":
    /// "all" is refused, named (fa_degeneracy_study_full writes the cross-condition pairs too).</summary>
    public static (long Networks, long Pairs) Sizes(DegeneracyStudySpec spec)
    {
        if (spec.Pairs != DegeneracyPairs.Within)
            throw new ArgumentException("pairs: fa_degeneracy_study writes the pairs within each condition only (fa_degeneracy_study_full and the CLI's degeneracy write all); give \"within\", got \"all\".", "pairs");
        var layout = Layout(spec);
        return (layout.Networks, layout.Pairs);
    }

    /// <summary>
    /// Every array length the spec implies (<see cref="DegeneracyLayout"/>), each refused naming the key to change when
    /// it exceeds one array ("widths" for the conditions, "networks" for networks and pairs, "exponents" and
    /// "drivenExponents" for the exponent tables).
    /// </summary>
    public static DegeneracyLayout Layout(DegeneracyStudySpec spec)
    {
        long conditions = ElementCounts.Product("widths", "the conditions are widths·regularisers", spec.Widths.Count, spec.Regularisers.Count);
        long networks = ElementCounts.Product("networks", "the networks are conditions·networks", conditions, spec.Networks);
        if (networks > int.MaxValue)
            throw new ArgumentOutOfRangeException("networks", networks, $"networks: {networks} networks in all, more than int32 indices hold.");
        long perCondition = ElementCounts.Product("networks", "the pairs of a condition are networks·(networks − 1)/2", spec.Networks, spec.Networks - 1) / 2;
        long within = ElementCounts.Product("networks", "the pair slots are conditions·networks·(networks − 1)/2", conditions, perCondition);
        long across = 0;
        if (spec.Pairs == DegeneracyPairs.All)
        {
            long conditionPairs = ElementCounts.Product("widths", "the condition pairs are conditions·(conditions − 1)/2", conditions, conditions - 1) / 2;
            across = ElementCounts.Product("networks", "the cross-condition pair slots are conditions·(conditions − 1)/2·networks²", conditionPairs, spec.Networks, spec.Networks);
            ElementCounts.Product("networks", "the pair slots are networks·(networks − 1)/2 in all", within + across);
        }
        ElementCounts.Product("exponents", "the exponents are networks·exponents", networks, spec.Exponents);
        ElementCounts.Product("drivenExponents", "the driven exponents are networks·drivenExponents", networks, spec.DrivenExponents);
        return new DegeneracyLayout((int)conditions, spec.Networks, networks, within, within + across, spec.Exponents, spec.DrivenExponents);
    }
}

/// <summary>The array lengths of one spec's study (fa_degeneracy_layout).</summary>
/// <param name="Conditions">widths·regularisers.</param>
/// <param name="PerCondition">N: networks per condition.</param>
/// <param name="Networks">conditions·N: the rows of every per-network array.</param>
/// <param name="WithinPairs">conditions·N(N−1)/2: the within-condition slots, first.</param>
/// <param name="Pairs">All pair slots: <see cref="WithinPairs"/>, plus conditions(conditions−1)/2·N² cross-condition
/// slots with "pairs": "all".</param>
/// <param name="Exponents">k: autonomous Lyapunov exponents per network.</param>
/// <param name="DrivenExponents">Driven Lyapunov exponents per network.</param>
internal readonly record struct DegeneracyLayout(int Conditions, int PerCondition, long Networks, long WithinPairs, long Pairs, int Exponents, int DrivenExponents);

public static unsafe partial class Exports
{
    /// <summary>
    /// fa_ensemble_sizes: the sizes of fa_train_ensemble's arrays for a degeneracy spec of one width and one regulariser:
    /// networks, hidden n, inputs m, outputs o (each network's parameters are n·n + n·m + n + o·n + o reals).
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int EnsembleSizes(byte* specJson, int* networks, int* hidden, int* inputs, int* outputs, byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () =>
        {
            NativeArrays.RequirePointer(networks, "networks");
            NativeArrays.RequirePointer(hidden, "hidden");
            NativeArrays.RequirePointer(inputs, "inputs");
            NativeArrays.RequirePointer(outputs, "outputs");
            var spec = DegeneracyArguments.Spec(specJson);
            var shape = DegeneracyArguments.EnsembleShape(spec);
            DegeneracyArguments.ParameterCount(spec, shape);
            *networks = spec.Networks;
            *hidden = shape.Hidden;
            *inputs = shape.Inputs;
            *outputs = shape.Outputs;
        });
    }

    /// <summary>
    /// fa_train_ensemble: trains the networks of a one-width, one-regulariser spec exactly as fa_degeneracy_study and the
    /// CLI's degeneracy train them (EnsembleTrainer; network k has seed spec seed + k) and writes each network's final
    /// parameters [W (n×n) | U (n×m) | b (n) | C (o×n) | d (o)], row-major, network after network, with its status,
    /// steps and final test loss. Every output is checked before anything is trained.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TrainEnsemble(nint context, byte* specJson, double* parameters, long parametersLength, int* status, long statusLength,
        long* steps, long stepsLength, double* finalTestLoss, long finalTestLossLength, byte* error, int capacity)
    {
        return ErrorReport.Run(context, error, capacity, _ =>
        {
            var spec = DegeneracyArguments.Spec(specJson);
            var shape = DegeneracyArguments.EnsembleShape(spec);
            long total = DegeneracyArguments.ParameterCount(spec, shape);
            int networks = spec.Networks;
            string rows = $"networks = {networks}";
            NativeArrays.CheckOutput(parameters, parametersLength, total, "parameters",
                $"networks·(n·n + n·m + n + o·n + o) = {networks}·{shape.Count}");
            NativeArrays.CheckOutput(status, statusLength, networks, "status", rows);
            NativeArrays.CheckOutput(steps, stepsLength, networks, "steps", rows);
            NativeArrays.CheckOutput(finalTestLoss, finalTestLossLength, networks, "final_test_loss", rows);

            var trained = Training.EnsembleTrainer.Train(DegeneracyStudy.Members(spec), spec.Training);

            for (int k = 0; k < networks; k++)
            {
                var t = trained[k];
                t.Final.Values.AsSpan(0, shape.Count).CopyTo(new Span<double>(parameters + (long)k * shape.Count, shape.Count));
                status[k] = (int)t.Status;
                steps[k] = t.Steps;
                finalTestLoss[k] = t.FinalTestLoss;
            }
        });
    }
}
