using System.Globalization;
using System.Text;
using System.Text.Json;
using FastAttractors.Degeneracy;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// fa_degeneracy_sizes and fa_degeneracy_study (src/Native/Exports.Degeneracy.cs) against the library's
/// DegeneracyStudy.Run on the same spec: called in process as the C shim calls them, and through the Python package
/// (native/tests/degeneracy_check.py, fa.degeneracy), every number bit for bit; and the spec errors, each naming its key.
/// </summary>
public sealed unsafe class DegeneracyExportTests
{
    /// <summary>The spec of native/tests/degeneracy_check.py: 2 widths × 2 regularisers × 3 networks, trained in a second.</summary>
    private const string Spec = """
        {"task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l2:0.001"], "networks": 3,
         "seed": 7, "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 3, "analysisTrials": 2, "oodTrials": 4,
         "fixedPointStarts": 4, "threads": 2}
        """;

    private static readonly Lazy<DegeneracyStudyResult> Direct = new(() => DegeneracyStudy.Run(DegeneracySpecJson.Parse(Spec)));

    private static delegate* unmanaged[Cdecl]<byte*, long*, long*, byte*, int, int> Sizes => &Exports.DegeneracySizes;

    private static delegate* unmanaged[Cdecl]<nint, byte*,
        int*, long, int*, long, long*, long, int*, long, int*, long, long*, long, double*, long, double*, long, int*, long, int*, long,
        int*, long, int*, long, double*, long, double*, long, double*, long, double*, long, byte*, int, int> Study => &Exports.DegeneracyStudyRun;

    /// <summary>The tables of one run, as the export writes them.</summary>
    private sealed class Tables(long networks, long pairs)
    {
        public int[] Condition = new int[networks], Width = new int[networks], Status = new int[networks], Usable = new int[networks],
            FixedPoints = new int[networks], Stable = new int[networks], First = new int[pairs], Second = new int[pairs];
        public long[] Seed = new long[networks], Steps = new long[networks];
        public double[] FinalTestLoss = new double[networks], OodLoss = new double[networks], OodDifference = new double[pairs],
            Dsa = new double[pairs], Weight = new double[pairs], OneMinusCka = new double[pairs];
    }

    private static (int Code, string Error) CallSizes(string? spec, out long networks, out long pairs)
    {
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        long n = -1, p = -1;
        int code;
        if (spec is null)
            code = Sizes(null, &n, &p, error, ManagedExports.ErrorCapacity);
        else
        {
            var bytes = Encoding.UTF8.GetBytes(spec + "\0");
            fixed (byte* s = bytes)
                code = Sizes(s, &n, &p, error, ManagedExports.ErrorCapacity);
        }
        networks = n;
        pairs = p;
        return (code, ManagedExports.Text(error));
    }

    private static (int Code, string Error) CallStudy(string spec, Tables t, long shortBy = 0)
    {
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        var bytes = Encoding.UTF8.GetBytes(spec + "\0");
        int code;
        fixed (byte* s = bytes)
        fixed (int* condition = t.Condition, width = t.Width, status = t.Status, usable = t.Usable, fixedPoints = t.FixedPoints, stable = t.Stable,
            first = t.First, second = t.Second)
        fixed (long* seed = t.Seed, steps = t.Steps)
        fixed (double* loss = t.FinalTestLoss, ood = t.OodLoss, difference = t.OodDifference, dsa = t.Dsa, weight = t.Weight, cka = t.OneMinusCka)
        {
            code = Study(ManagedExports.Context, s, condition, t.Condition.Length, width, t.Width.Length, seed, t.Seed.Length, status, t.Status.Length,
                usable, t.Usable.Length, steps, t.Steps.Length, loss, t.FinalTestLoss.Length, ood, t.OodLoss.Length, fixedPoints, t.FixedPoints.Length,
                stable, t.Stable.Length, first, t.First.Length, second, t.Second.Length, difference, t.OodDifference.Length, dsa, t.Dsa.Length,
                weight, t.Weight.Length - shortBy, cka, t.OneMinusCka.Length, error, ManagedExports.ErrorCapacity);
        }
        return (code, ManagedExports.Text(error));
    }

    /// <summary>The pair slot of networks (first, second) of one condition, N networks a condition.</summary>
    private static long Slot(int first, int second, int n)
    {
        long c = first / n, i = first % n, j = second % n;
        return c * ((long)n * (n - 1) / 2) + i * n - i * (i + 1) / 2 + (j - i - 1);
    }

    private static void SameBits(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void SizesCountNetworksAndPairSlots()
    {
        var (code, error) = CallSizes(Spec, out long networks, out long pairs);
        Assert.True(code == 0, error);
        Assert.Equal(12, networks);
        Assert.Equal(4 * 3, pairs);
        (code, error) = CallSizes("{\"widths\": [8], \"networks\": 1}", out networks, out pairs);
        Assert.True(code == 0, error);
        Assert.Equal((1L, 0L), (networks, pairs));
    }

    [Fact]
    public void StudyExportEqualsTheLibraryBitForBit()
    {
        var expected = Direct.Value;
        var t = new Tables(12, 12);
        var (code, error) = CallStudy(Spec, t);
        Assert.True(code == 0, error);
        Compare(expected, t.Condition, t.Width, t.Seed, t.Status, t.Usable, t.Steps, t.FinalTestLoss, t.OodLoss, t.FixedPoints, t.Stable,
            t.First, t.Second, t.OodDifference, t.Dsa, t.Weight, t.OneMinusCka);
    }

    [Fact]
    public void PythonPackageEqualsTheLibraryBitForBit()
    {
        _ = NativeBuild.BuildDirectory;
        var run = ChildProcess.Run(PythonExampleTests.Python, ["native/tests/degeneracy_check.py"], NativeBuild.RepositoryRoot);
        Assert.True(run.ExitCode == 0, "degeneracy_check.py failed (needs python3-numpy): " + run.Describe());
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        // The script's spec must be this test's (the same JSON object).
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(Spec).RootElement), JsonSerializer.Serialize(root.GetProperty("spec")));
        var n = root.GetProperty("networks");
        var p = root.GetProperty("pairs");
        int[] I(JsonElement table, string key) => [.. Doubles(table.GetProperty(key)).Select(v => checked((int)v))];
        long[] L(JsonElement table, string key) => [.. Doubles(table.GetProperty(key)).Select(v => checked((long)v))];
        Compare(Direct.Value, I(n, "condition"), I(n, "width"), L(n, "seed"), I(n, "status"), I(n, "usable"), L(n, "steps"),
            Doubles(n.GetProperty("final_test_loss")), Doubles(n.GetProperty("ood_loss")), I(n, "fixed_points"), I(n, "stable_fixed_points"),
            I(p, "first"), I(p, "second"), Doubles(p.GetProperty("ood_difference")), Doubles(p.GetProperty("dsa")),
            Doubles(p.GetProperty("weight_distance")), Doubles(p.GetProperty("one_minus_cka")));
        // The columns the package adds through fa_degeneracy_study_full.
        var dsaSelf = Doubles(n.GetProperty("dsa_self"));
        var weightNorm = Doubles(n.GetProperty("weight_norm"));
        foreach (var row in Direct.Value.Networks)
        {
            SameBits(row.DsaSelf, dsaSelf[row.Index], $"dsa_self[{row.Index}]");
            SameBits(row.WeightNorm, weightNorm[row.Index], $"weight_norm[{row.Index}]");
        }
        var e = root.GetProperty("ensemble");
        CompareTrained(Trained.Value, Doubles(e.GetProperty("parameters")), I(e, "status"), L(e, "steps"), Doubles(e.GetProperty("final_test_loss")));
    }

    /// <summary>The condition (6, l2:0.001) of <see cref="Spec"/> alone: what fa_train_ensemble trains.</summary>
    private static readonly string OneWidth = Spec.Replace("[4, 6]", "[6]", StringComparison.Ordinal).Replace("[\"none\", \"l2:0.001\"]", "[\"l2:0.001\"]", StringComparison.Ordinal);

    private static readonly Lazy<IReadOnlyList<Training.EnsembleMemberResult>> Trained = new(() =>
    {
        var spec = DegeneracySpecJson.Parse(OneWidth);
        var members = Enumerable.Range(0, spec.Networks).Select(k => new Training.EnsembleMemberSpec(spec.Task.Train, 6, spec.Init, spec.Seed + k,
            spec.LearningRate, spec.Regularisers[0], DegeneracyStudySpec.ConditionLabel(6, spec.Regularisers[0]))).ToList();
        return Training.EnsembleTrainer.Train(members, spec.Training);
    });

    private static delegate* unmanaged[Cdecl]<byte*, int*, int*, int*, int*, byte*, int, int> EnsembleSizes => &Exports.EnsembleSizes;

    private static delegate* unmanaged[Cdecl]<nint, byte*, double*, long, int*, long, long*, long, double*, long, byte*, int, int> Train => &Exports.TrainEnsemble;

    [Fact]
    public void TrainEnsembleEqualsTheTrainerAndTheStudyBitForBit()
    {
        Assert.Contains("[6]", OneWidth, StringComparison.Ordinal);
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        var bytes = Encoding.UTF8.GetBytes(OneWidth + "\0");
        int networks, hidden, inputs, outputs, code;
        fixed (byte* s = bytes)
            code = EnsembleSizes(s, &networks, &hidden, &inputs, &outputs, error, ManagedExports.ErrorCapacity);
        Assert.True(code == 0, ManagedExports.Text(error));
        var expected = Trained.Value;
        var shape = expected[0].Final.Shape;
        Assert.Equal((3, 6, shape.Inputs, shape.Outputs), (networks, hidden, inputs, outputs));
        var (parameters, status, steps, loss) = TrainThroughTheExport(OneWidth, networks, shape.Count);
        CompareTrained(expected, parameters, status, steps, loss);
        // The same networks as the study's condition (6, l2:0.001), networks 9..11 of Spec.
        for (int k = 0; k < networks; k++)
            SameBits(Direct.Value.Networks[9 + k].FinalTestLoss, loss[k], $"study final_test_loss[{9 + k}]");
        // Two widths are refused, naming the key.
        var two = Encoding.UTF8.GetBytes(Spec + "\0");
        fixed (byte* s = two)
            code = EnsembleSizes(s, &networks, &hidden, &inputs, &outputs, error, ManagedExports.ErrorCapacity);
        Assert.Equal(1, code);
        Assert.StartsWith("widths:", ManagedExports.Text(error));
        fixed (byte* s = bytes)
        fixed (double* p = parameters, l = loss)
        fixed (int* st = status)
        fixed (long* sp = steps)
            code = Train(ManagedExports.Context, s, p, parameters.Length - 1, st, status.Length, sp, steps.Length, l, loss.Length, error, ManagedExports.ErrorCapacity);
        Assert.Equal(1, code);
        Assert.StartsWith("parameters_len:", ManagedExports.Text(error));
    }

    /// <summary>
    /// A continuous-time spec reaches fa_train_ensemble: its networks are the library's continuous members
    /// (<see cref="DegeneracyStudy.Members"/>) trained by the ensemble trainer, bit for bit, and differ from the discrete
    /// ones of the same seeds (before, the export built discrete members of its own and dropped "dynamics").
    /// </summary>
    [Fact]
    public void TrainEnsembleTrainsTheSpecsContinuousNetworks()
    {
        string json = OneWidth.TrimEnd().TrimEnd('}') + ", \"dynamics\": \"continuous\", \"dtOverTau\": 0.25}";
        var spec = DegeneracySpecJson.Parse(json);
        var expected = Training.EnsembleTrainer.Train(DegeneracyStudy.Members(spec), spec.Training);
        var (parameters, status, steps, loss) = TrainThroughTheExport(json, expected.Count, expected[0].Final.Shape.Count);
        CompareTrained(expected, parameters, status, steps, loss);
        Assert.NotEqual(BitConverter.DoubleToInt64Bits(Trained.Value[0].FinalTestLoss), BitConverter.DoubleToInt64Bits(loss[0]));
    }

    /// <summary>fa_train_ensemble on <paramref name="json"/> into arrays of the right lengths; asserts it succeeded.</summary>
    private static (double[] Parameters, int[] Status, long[] Steps, double[] Loss) TrainThroughTheExport(string json, int networks, int perNetwork)
    {
        var parameters = new double[networks * perNetwork];
        var status = new int[networks];
        var steps = new long[networks];
        var loss = new double[networks];
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        var bytes = Encoding.UTF8.GetBytes(json + "\0");
        int code;
        fixed (byte* s = bytes)
        fixed (double* p = parameters, l = loss)
        fixed (int* st = status)
        fixed (long* sp = steps)
            code = Train(ManagedExports.Context, s, p, parameters.Length, st, status.Length, sp, steps.Length, l, loss.Length, error, ManagedExports.ErrorCapacity);
        Assert.True(code == 0, ManagedExports.Text(error));
        return (parameters, status, steps, loss);
    }

    private static void CompareTrained(IReadOnlyList<Training.EnsembleMemberResult> expected, double[] parameters, int[] status, long[] steps, double[] loss)
    {
        int count = expected[0].Final.Shape.Count;
        Assert.Equal(expected.Count * count, parameters.Length);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal((int)expected[k].Status, status[k]);
            Assert.Equal(expected[k].Steps, steps[k]);
            SameBits(expected[k].FinalTestLoss, loss[k], $"final_test_loss[{k}]");
            for (int i = 0; i < count; i++)
                SameBits(expected[k].Final.Values[i], parameters[k * count + i], $"parameters[{k}][{i}]");
        }
    }

    private static double[] Doubles(JsonElement e) => [.. e.EnumerateArray()
        .Select(x => x.ValueKind == JsonValueKind.String ? double.Parse(x.GetString()!, CultureInfo.InvariantCulture) : x.GetDouble())];

    private static void Compare(DegeneracyStudyResult expected, int[] condition, int[] width, long[] seed, int[] status, int[] usable, long[] steps,
        double[] finalTestLoss, double[] oodLoss, int[] fixedPoints, int[] stable, int[] first, int[] second, double[] oodDifference, double[] dsa,
        double[] weight, double[] oneMinusCka)
    {
        int n = expected.Spec.Networks;
        Assert.Equal(expected.Networks.Count, seed.Length);
        foreach (var row in expected.Networks)
        {
            int i = row.Index;
            Assert.Equal(i / n, condition[i]);
            Assert.Equal(row.Width, width[i]);
            Assert.Equal(row.Seed, seed[i]);
            Assert.Equal((int)row.Status, status[i]);
            Assert.Equal(row.Usable ? 1 : 0, usable[i]);
            Assert.Equal(row.Steps, steps[i]);
            SameBits(row.FinalTestLoss, finalTestLoss[i], $"final_test_loss[{i}]");
            SameBits(row.OodLoss, oodLoss[i], $"ood_loss[{i}]");
            Assert.Equal(row.FixedPoints, fixedPoints[i]);
            Assert.Equal(row.StableFixedPoints, stable[i]);
        }
        Assert.NotEmpty(expected.Pairs);
        var filled = new bool[first.Length];
        foreach (var pair in expected.Pairs)
        {
            long s = Slot(pair.First, pair.Second, n);
            filled[s] = true;
            Assert.Equal((pair.First, pair.Second), (first[s], second[s]));
            SameBits(pair.Behaviour, oodDifference[s], $"ood_difference[{s}]");
            SameBits(pair.Dsa, dsa[s], $"dsa[{s}]");
            SameBits(pair.WeightFrobenius, weight[s], $"weight_distance[{s}]");
            SameBits(1 - pair.Cka, oneMinusCka[s], $"one_minus_cka[{s}]");
        }
        for (int s = 0; s < filled.Length; s++)
        {
            Assert.True(first[s] < second[s] && first[s] / n == second[s] / n, $"slot {s}: networks {first[s]}, {second[s]}");
            if (!filled[s])
                Assert.True(double.IsNaN(dsa[s]) && double.IsNaN(oodDifference[s]), $"slot {s} has no pair but holds numbers");
        }
    }

    public static TheoryData<string, string> BadSpecs() => new()
    {
        { "{\"widths\": []}", "widths" },
        { "{\"networks\": 0}", "networks" },
        { "{\"threshold\": 0}", "threshold" },
        { "{\"threshold\": -1e-3}", "threshold" },
        { "{\"task\": \"juggling\"}", "task" },
        { "{\"widths\": [4,", "spec_json" },
        { "{\"colour\": \"red\"}", "spec_json" },
        { "[1, 2]", "spec_json" },
        { "null", "spec_json" },
        { "{\"regularisers\": [\"l3:1\"]}", "regularisers" },
        { "{\"trainSize\": 0}", "trainSize" },
        { "{\"widths\": [4, 4]}", "widths" },
        { "{\"widths\": [5000]}", "widths" },
        { "{\"length\": 0}", "length" },
        { "{\"init\": \"zeros\"}", "init" },
        { "{\"dsaRank\": 0}", "dsaRank" },
        { "{\"pairs\": \"some\"}", "pairs" },
        { "{\"pairs\": \"all\"}", "pairs" }, // cross-condition pairs have no slots in the export's layout
        { "{\"drivenExponents\": -1}", "drivenExponents" },
        { "{\"lyapunovIterations\": 0}", "lyapunovIterations" },
        { "{\"networks\": 100000, \"widths\": [1,2,3,4,5,6,7,8,9,10]}", "networks" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void BadSpecIsRefusedNamingTheKey(string spec, string key)
    {
        var (code, error) = CallSizes(spec, out _, out _);
        Assert.Equal(1, code);
        Assert.StartsWith(key + ":", error);
    }

    [Fact]
    public void NullSpecAndNullOutputsAreRefused()
    {
        var (code, error) = CallSizes(null, out _, out _);
        Assert.Equal(1, code);
        Assert.StartsWith("spec_json:", error);
        var t = new Tables(12, 12);
        (code, error) = CallStudy(Spec, t, shortBy: 1);
        Assert.Equal(1, code);
        Assert.StartsWith("weight_distance_len:", error);
        (code, error) = CallStudy("{\"exponents\": 2}", new Tables(8, 12));
        Assert.Equal(1, code);
        Assert.StartsWith("exponents:", error);
        (code, error) = CallStudy("{\"drivenExponents\": 2}", new Tables(8, 12));
        Assert.Equal(1, code);
        Assert.StartsWith("drivenExponents:", error);
    }
}
