using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using FastAttractors.Degeneracy;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// fa_degeneracy_layout and fa_degeneracy_study_full (src/Native/Exports.DegeneracyFull.cs) against the library's
/// DegeneracyStudy.Run on the same spec with the export's exponent estimator, called in process as the C shim calls
/// them, every column bit for bit; the slot layout the header documents; the within-condition slots against
/// fa_degeneracy_study; and each refused output named. The outputs struct is laid out from the header's
/// fa_degeneracy_outputs (its fields read from native/fastattractors.h in order), so the test also checks that the
/// managed side reads the struct C callers write.
/// </summary>
public sealed unsafe partial class DegeneracyFullExportTests
{
    /// <summary>DegeneracyExportTests' study with every output the old call refuses: all pairs, 2 autonomous exponents,
    /// 5 driven ones (NaN beyond the width-4 networks' 4).</summary>
    private const string Spec = """
        {"task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l2:0.001"], "networks": 3,
         "seed": 7, "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 3, "analysisTrials": 2, "oodTrials": 4,
         "fixedPointStarts": 4, "threads": 2, "pairs": "all", "exponents": 2, "drivenExponents": 5, "lyapunovIterations": 100}
        """;

    private const string WithinOnly = """
        {"task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l2:0.001"], "networks": 3,
         "seed": 7, "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 3, "analysisTrials": 2, "oodTrials": 4,
         "fixedPointStarts": 4, "threads": 2}
        """;

    private const int Networks = 12, N = 3, Conditions = 4, WithinPairs = 12, Pairs = 66, K = 2, Driven = 5;

    private static readonly Lazy<DegeneracyStudyResult> Direct = new(() =>
    {
        var spec = DegeneracySpecJson.Parse(Spec);
        using var engine = Engine.Create(Backend.Simd); // the backend of ManagedExports.Context
        return DegeneracyStudy.Run(spec, DegeneracyExponents.For(engine, spec));
    });

    private static delegate* unmanaged[Cdecl]<byte*, long*, long*, long*, int*, int*, int*, byte*, int, int> Layout => &Exports.DegeneracyLayout;

    private static delegate* unmanaged[Cdecl]<nint, byte*, nint, byte*, int, int> Full => &Exports.DegeneracyStudyFull;

    [GeneratedRegex(@"typedef struct fa_degeneracy_outputs \{(?<body>.*?)\} fa_degeneracy_outputs;", RegexOptions.Singleline)]
    private static partial Regex HeaderStruct();

    [GeneratedRegex(@"(?<type>int32_t|int64_t|double) \*(?<name>\w+); int64_t \k<name>_len;")]
    private static partial Regex HeaderField();

    /// <summary>fa_degeneracy_outputs' columns in the header's order: (name, C element type).</summary>
    private static readonly Lazy<(string Name, string Type)[]> HeaderColumns = new(() =>
    {
        var header = File.ReadAllText(Path.Combine(NativeBuild.RepositoryRoot, "native", "fastattractors.h"));
        var body = HeaderStruct().Match(header).Groups["body"].Value;
        return [.. HeaderField().Matches(body).Select(m => (m.Groups["name"].Value, m.Groups["type"].Value))];
    });

    /// <summary>
    /// One fa_degeneracy_outputs: a pinned array per column (int32 → int[], int64 → long[], double → double[]) and the
    /// struct itself as (pointer, length) pairs, header order. <paramref name="lengths"/> overrides a column's length
    /// (−1: NULL with length 0).
    /// </summary>
    private sealed class Outputs
    {
        public readonly Dictionary<string, Array> Columns = [];
        public readonly long[] Struct;

        public Outputs(long networks, long pairs, int k, int driven, Dictionary<string, long>? lengths = null)
        {
            var columns = HeaderColumns.Value;
            int firstPairColumn = Array.FindIndex(columns, c => c.Name == "first");
            Struct = GC.AllocateArray<long>(2 * columns.Length, pinned: true);
            for (int c = 0; c < columns.Length; c++)
            {
                var (name, type) = columns[c];
                long length = name switch
                {
                    "exponents" => networks * k, "driven_exponents" => networks * driven, "mds" => networks * 8,
                    _ => c >= firstPairColumn ? pairs : networks,
                };
                if (lengths is not null && lengths.TryGetValue(name, out long given))
                    length = given;
                if (length <= 0)
                    continue;
                Array array = type switch
                {
                    "int32_t" => GC.AllocateArray<int>((int)length, pinned: true),
                    "int64_t" => GC.AllocateArray<long>((int)length, pinned: true),
                    _ => GC.AllocateArray<double>((int)length, pinned: true),
                };
                Columns[name] = array;
                Struct[2 * c] = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
                Struct[2 * c + 1] = length;
            }
        }

        public int[] Ints(string name) => (int[])Columns[name];
        public long[] Longs(string name) => (long[])Columns[name];
        public double[] Doubles(string name) => (double[])Columns[name];
    }

    private static (int Code, string Error) CallFull(string spec, Outputs? outputs)
    {
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        var bytes = Encoding.UTF8.GetBytes(spec + "\0");
        int code;
        fixed (byte* s = bytes)
        fixed (long* o = outputs?.Struct)
            code = Full(ManagedExports.Context, s, (nint)o, error, ManagedExports.ErrorCapacity);
        return (code, ManagedExports.Text(error));
    }

    private static void SameBits(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void HeaderStructHasEveryColumnOnce()
    {
        var names = HeaderColumns.Value.Select(c => c.Name).ToArray();
        Assert.Equal(31, names.Length);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal(new[] { "condition", "dsa_self", "exponents", "driven_exponents", "mds", "first", "second_condition", "dsa_self_max" },
            names.Where(n => n is "condition" or "dsa_self" or "exponents" or "driven_exponents" or "mds" or "first" or "second_condition" or "dsa_self_max"));
    }

    [Fact]
    public void LayoutCountsEverySlot()
    {
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        long networks, pairs, within;
        int conditions, k, driven;
        var bytes = Encoding.UTF8.GetBytes(Spec + "\0");
        int code;
        fixed (byte* s = bytes)
            code = Layout(s, &networks, &pairs, &within, &conditions, &k, &driven, error, ManagedExports.ErrorCapacity);
        Assert.True(code == 0, ManagedExports.Text(error));
        Assert.Equal((12L, 66L, 12L, 4, 2, 5), (networks, pairs, within, conditions, k, driven));
        Assert.Equal(networks * (networks - 1) / 2, pairs); // "all": every pair of networks has its slot
        bytes = Encoding.UTF8.GetBytes(WithinOnly + "\0");
        fixed (byte* s = bytes)
            code = Layout(s, &networks, &pairs, &within, &conditions, &k, &driven, error, ManagedExports.ErrorCapacity);
        Assert.True(code == 0, ManagedExports.Text(error));
        Assert.Equal((12L, 12L, 12L, 4, 0, 0), (networks, pairs, within, conditions, k, driven));
    }

    [Fact]
    public void FullExportEqualsTheLibraryBitForBit()
    {
        var expected = Direct.Value;
        var o = new Outputs(Networks, Pairs, K, Driven);
        var (code, error) = CallFull(Spec, o);
        Assert.True(code == 0, error);
        foreach (var row in expected.Networks)
        {
            int i = row.Index;
            Assert.Equal((i / N, row.Width, row.Seed, (int)row.Status, row.Usable ? 1 : 0, row.Steps),
                (o.Ints("condition")[i], o.Ints("width")[i], o.Longs("seed")[i], o.Ints("status")[i], o.Ints("usable")[i], o.Longs("steps")[i]));
            Assert.Equal((row.FixedPoints, row.StableFixedPoints, row.SaddleFixedPoints, row.SlowPoints),
                (o.Ints("fixed_points")[i], o.Ints("stable_fixed_points")[i], o.Ints("saddle_fixed_points")[i], o.Ints("slow_points")[i]));
            foreach (var (name, value) in new[] { ("final_test_loss", row.FinalTestLoss), ("ood_loss", row.OodLoss), ("weight_norm", row.WeightNorm),
                         ("weight_change", row.WeightChange), ("plane_explained", row.PlaneExplained), ("dsa_self", row.DsaSelf) })
                SameBits(value, o.Doubles(name)[i], $"{name}[{i}]");
            Assert.Equal(K, row.Exponents.Length);
            for (int j = 0; j < K; j++)
                SameBits(row.Exponents[j], o.Doubles("exponents")[i * K + j], $"exponents[{i}][{j}]");
            for (int j = 0; j < Driven; j++)
                SameBits(row.DrivenExponents[j], o.Doubles("driven_exponents")[i * Driven + j], $"driven_exponents[{i}][{j}]");
            var mds = new[] { row.MdsBehaviour.X, row.MdsBehaviour.Y, row.MdsDynamics.X, row.MdsDynamics.Y, row.MdsWeights.X, row.MdsWeights.Y,
                row.MdsRepresentation.X, row.MdsRepresentation.Y };
            for (int j = 0; j < 8; j++)
                SameBits(mds[j], o.Doubles("mds")[i * 8 + j], $"mds[{i}][{j}]");
        }
        Assert.True(expected.Pairs.Any(p => p.CrossCondition), "the spec's study has cross-condition pairs");
        var filled = new bool[Pairs];
        foreach (var pair in expected.Pairs)
        {
            long s = Slot(pair.First, pair.Second);
            filled[s] = true;
            Assert.Equal((pair.First, pair.Second, pair.First / N, pair.Second / N, pair.WeightExact ? 1 : 0),
                (o.Ints("first")[s], o.Ints("second")[s], o.Ints("first_condition")[s], o.Ints("second_condition")[s], o.Ints("weight_exact")[s]));
            foreach (var (name, value) in new[] { ("ood_difference", pair.Behaviour), ("dsa", pair.Dsa), ("weight_distance", pair.WeightFrobenius),
                         ("weight_per_parameter", pair.WeightPerParameter), ("weight_relative", pair.WeightRelative), ("one_minus_cka", 1 - pair.Cka),
                         ("dsa_self_max", pair.DsaSelfMax) })
                SameBits(value, o.Doubles(name)[s], $"{name}[{s}]");
        }
        // Every slot, compared or not, names its networks: each unordered pair of the 12 once, within ones first.
        var seen = new HashSet<(int, int)>();
        for (int s = 0; s < Pairs; s++)
        {
            int a = o.Ints("first")[s], b = o.Ints("second")[s];
            Assert.True(a < b && seen.Add((a, b)), $"slot {s}: networks {a}, {b}");
            Assert.Equal(s < WithinPairs, a / N == b / N);
            if (!filled[s])
                Assert.True(double.IsNaN(o.Doubles("dsa")[s]) && o.Ints("weight_exact")[s] == 0, $"slot {s} has no pair but holds numbers");
        }
    }

    /// <summary>The slot of networks (first, second) as the header documents it.</summary>
    private static long Slot(int first, int second)
    {
        int a = first / N, b = second / N, i = first % N, j = second % N;
        if (a == b)
            return a * (N * (N - 1) / 2) + i * N - i * (i + 1) / 2 + (j - i - 1);
        int rank = a * Conditions - a * (a + 1) / 2 + (b - a - 1);
        return WithinPairs + rank * N * N + i * N + j;
    }

    /// <summary>"pairs": "all" adds slots after the within-condition ones and changes none of them; the exponents change
    /// no other number. (fa_degeneracy_study's slots are these too: native/tests/degeneracy_input.c compares them.)</summary>
    [Fact]
    public void WithinSlotsOfAllEqualAWithinOnlyRun()
    {
        var full = new Outputs(Networks, Pairs, K, Driven);
        var (code, error) = CallFull(Spec, full);
        Assert.True(code == 0, error);
        var within = new Outputs(Networks, WithinPairs, 0, 0);
        (code, error) = CallFull(WithinOnly, within);
        Assert.True(code == 0, error);
        foreach (var name in new[] { "ood_difference", "dsa", "weight_distance", "one_minus_cka", "dsa_self_max" })
            for (int s = 0; s < WithinPairs; s++)
                SameBits(within.Doubles(name)[s], full.Doubles(name)[s], $"{name}[{s}]");
        foreach (var name in new[] { "ood_loss", "dsa_self", "final_test_loss" })
            for (int i = 0; i < Networks; i++)
                SameBits(within.Doubles(name)[i], full.Doubles(name)[i], $"{name}[{i}]");
    }

    public static TheoryData<string, long, string> BadColumns() => new()
    {
        { "dsa_self", Networks - 1, "outputs.dsa_self_len: expected networks = 12, got 11" },
        { "exponents", Networks * K + 1, "outputs.exponents_len: expected networks·exponents = 12·2 = 24, got 25" },
        { "driven_exponents", Networks * K, "outputs.driven_exponents_len: expected networks·drivenExponents = 12·5 = 60, got 24" },
        { "second_condition", WithinPairs, "outputs.second_condition_len: expected pairs = 66, got 12" },
        { "mds", Networks * 2, "outputs.mds_len: expected networks·8 = 12·8 = 96, got 24" },
    };

    [Theory]
    [MemberData(nameof(BadColumns))]
    public void WrongColumnLengthIsRefusedNamingIt(string column, long length, string message)
    {
        var (code, error) = CallFull(Spec, new Outputs(Networks, Pairs, K, Driven, new() { [column] = length }));
        Assert.Equal(1, code);
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void UnwantedColumnsAreNullAndTheRestIsWritten()
    {
        var every = HeaderColumns.Value.Where(c => c.Name != "dsa_self").ToDictionary(c => c.Name, _ => -1L);
        var o = new Outputs(Networks, Pairs, K, Driven, every);
        var (code, error) = CallFull(Spec, o);
        Assert.True(code == 0, error);
        Assert.Equal(new[] { "dsa_self" }, o.Columns.Keys);
        for (int i = 0; i < Networks; i++)
            SameBits(Direct.Value.Networks[i].DsaSelf, o.Doubles("dsa_self")[i], $"dsa_self[{i}]");
        Assert.True(Direct.Value.Networks.Any(r => r.DsaSelf >= 0), "some network has a DSA noise floor");
    }

    [Fact]
    public void NullOutputsAndBadSpecsAreRefusedNamed()
    {
        var (code, error) = CallFull(Spec, null);
        Assert.Equal((1, true), (code, error.StartsWith("outputs: NULL pointer", StringComparison.Ordinal)));
        (code, error) = CallFull("{\"widths\": [3, 8], \"exponents\": 4}", new Outputs(16, 12, 4, 0));
        Assert.Equal((1, true), (code, error.StartsWith("exponents: at most the smallest width n = 3", StringComparison.Ordinal)));
        (code, error) = CallFull("{\"widths\": [3], \"exponents\": 1, \"lyapunovIterations\": 50}", new Outputs(4, 6, 1, 0));
        Assert.Equal((1, true), (code, error.StartsWith("lyapunovIterations:", StringComparison.Ordinal)));
        (code, error) = CallFull("{\"pairs\": \"some\"}", new Outputs(8, 12, 0, 0));
        Assert.Equal((1, true), (code, error.StartsWith("pairs:", StringComparison.Ordinal)));
    }
}
