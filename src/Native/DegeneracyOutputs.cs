using System.Runtime.InteropServices;
using FastAttractors.Degeneracy;

namespace FastAttractors.Native;

/// <summary>
/// fa_degeneracy_outputs of native/fastattractors.h, field for field: a pointer and its length per column. A NULL
/// pointer with length 0 skips its column; any other pointer must have exactly the length the layout gives.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeDegeneracyOutputs
{
    public int* Condition;
    public long ConditionLength;
    public int* Width;
    public long WidthLength;
    public long* Seed;
    public long SeedLength;
    public int* Status;
    public long StatusLength;
    public int* Usable;
    public long UsableLength;
    public long* Steps;
    public long StepsLength;
    public double* FinalTestLoss;
    public long FinalTestLossLength;
    public double* OodLoss;
    public long OodLossLength;
    public double* WeightNorm;
    public long WeightNormLength;
    public double* WeightChange;
    public long WeightChangeLength;
    public int* FixedPoints;
    public long FixedPointsLength;
    public int* StableFixedPoints;
    public long StableFixedPointsLength;
    public int* SaddleFixedPoints;
    public long SaddleFixedPointsLength;
    public int* SlowPoints;
    public long SlowPointsLength;
    public double* PlaneExplained;
    public long PlaneExplainedLength;
    public double* DsaSelf;
    public long DsaSelfLength;
    public double* Exponents;
    public long ExponentsLength;
    public double* DrivenExponents;
    public long DrivenExponentsLength;
    public double* Mds;
    public long MdsLength;
    public int* First;
    public long FirstLength;
    public int* Second;
    public long SecondLength;
    public int* FirstCondition;
    public long FirstConditionLength;
    public int* SecondCondition;
    public long SecondConditionLength;
    public double* OodDifference;
    public long OodDifferenceLength;
    public double* Dsa;
    public long DsaLength;
    public double* WeightDistance;
    public long WeightDistanceLength;
    public double* WeightPerParameter;
    public long WeightPerParameterLength;
    public double* WeightRelative;
    public long WeightRelativeLength;
    public int* WeightExact;
    public long WeightExactLength;
    public double* OneMinusCka;
    public long OneMinusCkaLength;
    public double* DsaSelfMax;
    public long DsaSelfMaxLength;
}

/// <summary>
/// Checks every column of a <see cref="NativeDegeneracyOutputs"/> against a <see cref="DegeneracyLayout"/> (before
/// anything is trained) and writes a <see cref="DegeneracyStudyResult"/> into it: one row per network (network i is
/// condition i / N, replicate i % N), and one slot per pair, the within-condition slots first (condition-major, then
/// i &lt; j), then with "pairs": "all" the cross-condition slots (condition pairs a &lt; b in order, then i, j over the
/// N networks of each, j fastest). Slots whose networks are not both usable keep their indices, NaN and weight_exact 0.
/// </summary>
internal static unsafe class DegeneracyOutputs
{
    /// <summary>The MDS columns per network: (x, y) at the behaviour, dynamics, weight and representation levels.</summary>
    public const int MdsColumns = 8;

    public static void Check(NativeDegeneracyOutputs* o, DegeneracyLayout layout)
    {
        NativeArrays.RequirePointer(o, "outputs");
        long n = layout.Networks, p = layout.Pairs;
        Column(o->Condition, o->ConditionLength, n, "condition", "networks");
        Column(o->Width, o->WidthLength, n, "width", "networks");
        Column(o->Seed, o->SeedLength, n, "seed", "networks");
        Column(o->Status, o->StatusLength, n, "status", "networks");
        Column(o->Usable, o->UsableLength, n, "usable", "networks");
        Column(o->Steps, o->StepsLength, n, "steps", "networks");
        Column(o->FinalTestLoss, o->FinalTestLossLength, n, "final_test_loss", "networks");
        Column(o->OodLoss, o->OodLossLength, n, "ood_loss", "networks");
        Column(o->WeightNorm, o->WeightNormLength, n, "weight_norm", "networks");
        Column(o->WeightChange, o->WeightChangeLength, n, "weight_change", "networks");
        Column(o->FixedPoints, o->FixedPointsLength, n, "fixed_points", "networks");
        Column(o->StableFixedPoints, o->StableFixedPointsLength, n, "stable_fixed_points", "networks");
        Column(o->SaddleFixedPoints, o->SaddleFixedPointsLength, n, "saddle_fixed_points", "networks");
        Column(o->SlowPoints, o->SlowPointsLength, n, "slow_points", "networks");
        Column(o->PlaneExplained, o->PlaneExplainedLength, n, "plane_explained", "networks");
        Column(o->DsaSelf, o->DsaSelfLength, n, "dsa_self", "networks");
        Column(o->Exponents, o->ExponentsLength, n * layout.Exponents, "exponents", $"networks·exponents = {n}·{layout.Exponents}");
        Column(o->DrivenExponents, o->DrivenExponentsLength, n * layout.DrivenExponents, "driven_exponents",
            $"networks·drivenExponents = {n}·{layout.DrivenExponents}");
        Column(o->Mds, o->MdsLength, ElementCounts.Product("networks", "the MDS coordinates are networks·8", n, MdsColumns), "mds", $"networks·8 = {n}·8");
        Column(o->First, o->FirstLength, p, "first", "pairs");
        Column(o->Second, o->SecondLength, p, "second", "pairs");
        Column(o->FirstCondition, o->FirstConditionLength, p, "first_condition", "pairs");
        Column(o->SecondCondition, o->SecondConditionLength, p, "second_condition", "pairs");
        Column(o->OodDifference, o->OodDifferenceLength, p, "ood_difference", "pairs");
        Column(o->Dsa, o->DsaLength, p, "dsa", "pairs");
        Column(o->WeightDistance, o->WeightDistanceLength, p, "weight_distance", "pairs");
        Column(o->WeightPerParameter, o->WeightPerParameterLength, p, "weight_per_parameter", "pairs");
        Column(o->WeightRelative, o->WeightRelativeLength, p, "weight_relative", "pairs");
        Column(o->WeightExact, o->WeightExactLength, p, "weight_exact", "pairs");
        Column(o->OneMinusCka, o->OneMinusCkaLength, p, "one_minus_cka", "pairs");
        Column(o->DsaSelfMax, o->DsaSelfMaxLength, p, "dsa_self_max", "pairs");
    }

    // NULL with length 0 is "not wanted"; NULL with a length is a caller's mistake and is refused as NULL.
    private static void Column(void* pointer, long length, long expected, string name, string what)
    {
        if (pointer != null || length != 0)
            NativeArrays.CheckOutput(pointer, length, expected, "outputs." + name, what);
    }

    public static void Write(NativeDegeneracyOutputs* o, DegeneracyLayout layout, DegeneracyStudyResult result)
    {
        foreach (var row in result.Networks)
            WriteNetwork(o, layout, row);
        FillSlots(o, layout);
        foreach (var pair in result.Pairs)
            WritePair(o, Slot(layout, pair.First, pair.Second), pair);
    }

    private static void WriteNetwork(NativeDegeneracyOutputs* o, DegeneracyLayout layout, NetworkAnalysis row)
    {
        int i = row.Index;
        Put(o->Condition, i, i / layout.PerCondition);
        Put(o->Width, i, row.Width);
        Put(o->Seed, i, row.Seed);
        Put(o->Status, i, (int)row.Status);
        Put(o->Usable, i, row.Usable ? 1 : 0);
        Put(o->Steps, i, row.Steps);
        Put(o->FinalTestLoss, i, row.FinalTestLoss);
        Put(o->OodLoss, i, row.OodLoss);
        Put(o->WeightNorm, i, row.WeightNorm);
        Put(o->WeightChange, i, row.WeightChange);
        Put(o->FixedPoints, i, row.FixedPoints);
        Put(o->StableFixedPoints, i, row.StableFixedPoints);
        Put(o->SaddleFixedPoints, i, row.SaddleFixedPoints);
        Put(o->SlowPoints, i, row.SlowPoints);
        Put(o->PlaneExplained, i, row.PlaneExplained);
        Put(o->DsaSelf, i, row.DsaSelf);
        // Exponents not computed (non-finite parameters) and driven ones beyond n are NaN, as in the CLI's columns.
        for (int k = 0; k < layout.Exponents; k++)
            Put(o->Exponents, (long)i * layout.Exponents + k, k < row.Exponents.Length ? row.Exponents[k] : double.NaN);
        for (int k = 0; k < layout.DrivenExponents; k++)
            Put(o->DrivenExponents, (long)i * layout.DrivenExponents + k, k < row.DrivenExponents.Length ? row.DrivenExponents[k] : double.NaN);
        ReadOnlySpan<(double X, double Y)> mds = [row.MdsBehaviour, row.MdsDynamics, row.MdsWeights, row.MdsRepresentation];
        for (int level = 0; level < mds.Length; level++)
        {
            Put(o->Mds, (long)i * MdsColumns + 2 * level, mds[level].X);
            Put(o->Mds, (long)i * MdsColumns + 2 * level + 1, mds[level].Y);
        }
    }

    /// <summary>Every slot's networks and conditions, its numbers NaN until a compared pair fills it.</summary>
    private static void FillSlots(NativeDegeneracyOutputs* o, DegeneracyLayout layout)
    {
        int n = layout.PerCondition;
        long slot = 0;
        for (int c = 0; c < layout.Conditions; c++)
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    Empty(o, slot++, c * n + i, c * n + j, n);
        for (int a = 0; a < layout.Conditions && slot < layout.Pairs; a++)
            for (int b = a + 1; b < layout.Conditions; b++)
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        Empty(o, slot++, a * n + i, b * n + j, n);
    }

    private static void Empty(NativeDegeneracyOutputs* o, long slot, int first, int second, int n)
    {
        Put(o->First, slot, first);
        Put(o->Second, slot, second);
        Put(o->FirstCondition, slot, first / n);
        Put(o->SecondCondition, slot, second / n);
        Put(o->WeightExact, slot, 0);
        foreach (var column in new[] { o->OodDifference, o->Dsa, o->WeightDistance, o->WeightPerParameter, o->WeightRelative, o->OneMinusCka, o->DsaSelfMax })
            Put(column, slot, double.NaN);
    }

    private static void WritePair(NativeDegeneracyOutputs* o, long slot, NetworkPair pair)
    {
        Put(o->OodDifference, slot, pair.Behaviour);
        Put(o->Dsa, slot, pair.Dsa);
        Put(o->WeightDistance, slot, pair.WeightFrobenius);
        Put(o->WeightPerParameter, slot, pair.WeightPerParameter);
        Put(o->WeightRelative, slot, pair.WeightRelative);
        Put(o->WeightExact, slot, pair.WeightExact ? 1 : 0);
        Put(o->OneMinusCka, slot, 1 - pair.Cka);
        Put(o->DsaSelfMax, slot, pair.DsaSelfMax);
    }

    /// <summary>
    /// The slot of networks first &lt; second: within condition c, c·N(N−1)/2 + (the pair's rank among i &lt; j); across
    /// conditions a &lt; b, the within slots, then (the rank of (a, b) among condition pairs)·N² + i·N + j.
    /// </summary>
    public static long Slot(DegeneracyLayout layout, int first, int second)
    {
        long n = layout.PerCondition, conditions = layout.Conditions;
        long a = first / n, b = second / n, i = first % n, j = second % n;
        if (a == b)
            return a * (n * (n - 1) / 2) + i * n - i * (i + 1) / 2 + (j - i - 1);
        long conditionPair = a * conditions - a * (a + 1) / 2 + (b - a - 1);
        return layout.WithinPairs + conditionPair * n * n + i * n + j;
    }

    private static void Put<T>(T* column, long at, T value) where T : unmanaged
    {
        if (column != null)
            column[at] = value;
    }
}
