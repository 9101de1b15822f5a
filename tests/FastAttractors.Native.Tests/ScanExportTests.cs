using System.Runtime.InteropServices;
using System.Text;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// fa_scan_sizes and fa_scan_f64 (src/Native/Exports.ScanGeneral.cs), called in process as the C shim calls them:
/// every output equal to the library's Engine.Scan on the same problem bit for bit (tanh-gain, list and logspace
/// axes, every diagnostic), the rotation flow equal to fa_scan_rotation_f64, and bad input refused naming the
/// argument before anything of the grid's size is allocated.
/// </summary>
public sealed unsafe class ScanExportTests
{
    private static delegate* unmanaged[Cdecl]<int, nint, int, int, int, int, long*, int*, byte*, int, int> Sizes => &Exports.ScanSizes;

    private static delegate* unmanaged[Cdecl]<nint, int, int, nint, int, int, double, int, long, double, double, double, double,
        int, int, int, double, int, double*, long, long*, long, double*, long, double*, long, int*, long, nint, byte*, int, int> General
        => &Exports.ScanGeneral;

    private static delegate* unmanaged[Cdecl]<nint, int, int, double, double, int, double, double, int, int, long, double, double, double, double,
        int, int, int, double, int, double*, long, double*, long, long*, long, double*, long, double*, long, int*, long, byte*, int, int> Rotation
        => &Exports.ScanRotation;

    /// <summary>The outputs of one fa_scan_f64 call.</summary>
    private sealed class Outputs(long rows, int axes, int k)
    {
        public double[] Parameters = new double[rows * axes], Exponents = new double[rows * k], Errors = new double[rows * k],
            ExponentSum = new double[rows], KaplanYorke = new double[rows], PositiveSum = new double[rows],
            SumRuleResidual = new double[rows], Contraction = new double[rows];
        public long[] Seeds = new long[rows], FailedStep = new long[rows];
        public int[] Status = new int[rows];
    }

    /// <summary>An axis as the C caller gives it: its name, kind (0 linspace, 1 logspace, 2 list) and values.</summary>
    public sealed record Axis(string? Name, int Kind, double[] Values, long? Length = null);

    private static (int Code, string Error) Call(int family, Axis[] axes, int n, Outputs o, int members = 1, long seed = 1,
        int k = 0, double transient = 5, double duration = 20, bool diagnostics = true, int axisCount = -1, int parametersShortBy = 0)
    {
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        var handles = new List<GCHandle>();
        try
        {
            var table = new FaScanAxis[Math.Max(axes.Length, 1)];
            for (int i = 0; i < axes.Length; i++)
            {
                GCHandle? name = axes[i].Name is null ? null : GCHandle.Alloc(Encoding.UTF8.GetBytes(axes[i].Name + "\0"), GCHandleType.Pinned);
                var values = GCHandle.Alloc(axes[i].Values, GCHandleType.Pinned);
                if (name is { } h)
                    handles.Add(h);
                handles.Add(values);
                table[i] = new FaScanAxis
                {
                    Name = name is { } pinned ? (byte*)pinned.AddrOfPinnedObject() : null,
                    Kind = axes[i].Kind,
                    Values = (double*)values.AddrOfPinnedObject(),
                    ValuesLength = axes[i].Length ?? axes[i].Values.Length,
                };
            }
            fixed (FaScanAxis* a = table)
            fixed (double* parameters = o.Parameters, exponents = o.Exponents, errors = o.Errors, sum = o.ExponentSum, ky = o.KaplanYorke,
                positive = o.PositiveSum, residual = o.SumRuleResidual, contraction = o.Contraction)
            fixed (long* seeds = o.Seeds, failed = o.FailedStep)
            fixed (int* status = o.Status)
            {
                var d = new FaScanDiagnostics
                {
                    ExponentSum = sum, ExponentSumLength = o.ExponentSum.Length, KaplanYorke = ky, KaplanYorkeLength = o.KaplanYorke.Length,
                    PositiveSum = positive, PositiveSumLength = o.PositiveSum.Length, SumRuleResidual = residual,
                    SumRuleResidualLength = o.SumRuleResidual.Length, Contraction = contraction, ContractionLength = o.Contraction.Length,
                    FailedStep = failed, FailedStepLength = o.FailedStep.Length,
                };
                int code = General(ManagedExports.Context, 0, family, (nint)a, axisCount < 0 ? axes.Length : axisCount, n, double.NaN, members, seed,
                    1.0, double.NaN, transient, duration, 0, k, 0, double.NaN, 0,
                    parameters, o.Parameters.Length - parametersShortBy, seeds, o.Seeds.Length, exponents, o.Exponents.Length,
                    errors, o.Errors.Length, status, o.Status.Length, diagnostics ? (nint)(&d) : 0, error, ManagedExports.ErrorCapacity);
                return (code, ManagedExports.Text(error));
            }
        }
        finally
        {
            foreach (var h in handles)
                h.Free();
        }
    }

    [Fact]
    public void TanhGainEqualsEngineScanBitForBit()
    {
        Axis[] axes = [new("g", 1, [0.3, 1.5, 3])];
        var o = new Outputs(6, 1, 3);
        var (code, message) = Call(2, axes, 3, o, members: 2, seed: 11);
        Assert.True(code == 0, message);

        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Scan(new ScanProblem
        {
            Family = ScanFamily.TanhGain,
            Axes = [ScanAxis.Logspace("g", 0.3, 1.5, 3)],
            N = 3,
            Members = 2,
            Seed = 11,
        }, new ScanOptions { Transient = 5, Duration = 20 });
        Assert.Equal(expected.Parameter("g"), o.Parameters);
        Assert.Equal(expected.Seeds, o.Seeds);
        Assert.Equal(expected.Exponents, o.Exponents);
        Assert.Equal(expected.StandardErrors, o.Errors);
        Assert.Equal(expected.Status.Select(s => (int)s), o.Status);
        Assert.Equal(expected.ExponentSum, o.ExponentSum);
        Assert.Equal(expected.KaplanYorkeDimension, o.KaplanYorke);
        Assert.Equal(expected.PositiveSum, o.PositiveSum);
        Assert.Equal(expected.SumRuleResidual, o.SumRuleResidual);
        Assert.Equal(expected.Contraction, o.Contraction);
        Assert.Equal(expected.FailedStep, o.FailedStep);
    }

    [Fact]
    public void ListAxesOfTheRotationFlowEqualEngineScanAndTheRotationExport()
    {
        // theta before alpha, as lists: the parameters come row-major in the order of the axes given.
        Axis[] axes = [new("theta", 2, [0.4, 2.0]), new("alpha", 2, [0.5, 1.5, 2.5])];
        var o = new Outputs(6, 2, 2);
        var (code, message) = Call(0, axes, 0, o);
        Assert.True(code == 0, message);
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Scan(new ScanProblem
        {
            Family = ScanFamily.RotationFlow,
            Axes = [ScanAxis.List("theta", 0.4, 2.0), ScanAxis.List("alpha", 0.5, 1.5, 2.5)],
        }, new ScanOptions { Transient = 5, Duration = 20 });
        Assert.Equal(expected.Parameter("theta"), Enumerable.Range(0, 6).Select(r => o.Parameters[2 * r]));
        Assert.Equal(expected.Parameter("alpha"), Enumerable.Range(0, 6).Select(r => o.Parameters[2 * r + 1]));
        Assert.Equal(expected.Exponents, o.Exponents);
        Assert.Equal(expected.SumRuleResidual, o.SumRuleResidual);

        // Linspaces through both exports: the same bits.
        var lin = new Outputs(4, 2, 2);
        Assert.Equal((0, ""), Call(0, [new("alpha", 0, [0.5, 1.5, 2]), new("theta", 0, [0.4, 2.0, 2])], 0, lin, diagnostics: false));
        double[] alpha = new double[4], theta = new double[4], exponents = new double[8], errors = new double[8];
        long[] seeds = new long[4];
        int[] status = new int[4];
        byte* error = stackalloc byte[ManagedExports.ErrorCapacity];
        fixed (double* a = alpha, t = theta, e = exponents, s = errors)
        fixed (long* sd = seeds)
        fixed (int* st = status)
        {
            int rc = Rotation(ManagedExports.Context, 0, 0, 0.5, 1.5, 2, 0.4, 2.0, 2, 1, 1, 1.0, double.NaN, 5, 20, 0, 0, 0, double.NaN, 0,
                a, 4, t, 4, sd, 4, e, 8, s, 8, st, 4, error, ManagedExports.ErrorCapacity);
            Assert.True(rc == 0, ManagedExports.Text(error));
        }
        Assert.Equal(exponents, lin.Exponents);
        Assert.Equal(errors, lin.Errors);
        Assert.Equal(seeds, lin.Seeds);
        Assert.Equal(alpha, Enumerable.Range(0, 4).Select(r => lin.Parameters[2 * r]));
    }

    public static TheoryData<int, Axis[], int, int, string> BadInput => new()
    {
        { 3, [new("g", 2, [1.0])], 3, -1, "family: 0 (FA_SCAN_ROTATION_FLOW)" },
        { 2, [], 3, -1, "axis_count: family 'tanh-gain' takes the axes g, so 1, got 0" },
        { 2, [new("alpha", 2, [1.0])], 3, -1, "axes[0].name: family 'tanh-gain' takes the axes g, not 'alpha'" },
        { 0, [new("alpha", 2, [1.0]), new(null, 2, [1.0])], 0, -1, "axes[1].name: NULL pointer" },
        { 0, [new("alpha", 2, [1.0]), new("alpha", 2, [1.0])], 0, -1, "axes[1].name: the axis 'alpha' is given twice" },
        { 2, [new("g", 0, [0.1, 1.0, 0])], 3, -1, "axes[0].values: linspace count must be a whole number in [1, 16777216], got 0" },
        { 2, [new("g", 2, [0.5, double.NaN])], 3, -1, "axes[0].values: list values must be finite" },
        { 2, [new("g", 1, [0.5, 1.0])], 3, -1, "axes[0].values_len: logspace takes 3 values (start, stop, count), got 2" },
        { 2, [new("g", 2, [0.5], Length: 1L << 40)], 3, -1, "axes[0].values_len: a list holds 1 to 16777216 values" },
        { 2, [new("g", 5, [0.5])], 3, -1, "axes[0].kind: 0 (FA_SCAN_LINSPACE)" },
        { 0, [new("alpha", 2, [1.0])], 0, -1, "axes: family 'rotation-flow' needs the axis theta" },
        { 2, [new("g", 2, [0.5])], 0, -1, "n: must be at least 1, got 0" },
        { 0, [new("alpha", 2, [1.0]), new("theta", 2, [1.0])], 3, -1, "n: the rotation-block families are 2-D" },
        // 2^24 × 2^24 grid points × 2^30 members: refused by the exact product, before any allocation.
        { 0, [new("alpha", 0, [0, 1, 1 << 24]), new("theta", 0, [0, 1, 1 << 24])], 0, 1 << 30, "members: the rows are the product of the axis counts × members" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void BadInputIsRefusedNamingTheArgument(int family, Axis[] axes, int n, int members, string message)
    {
        var o = new Outputs(1, Math.Max(axes.Length, 1), Math.Max(n, 2));
        var (code, error) = Call(family, axes, n, o, members: members < 0 ? 1 : members);
        Assert.Equal(1, code);
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void OutputLengthsAreCheckedAndSizesGivesThem()
    {
        Axis[] axes = [new("g", 2, [0.5, 1.0, 2.0])];
        var o = new Outputs(6, 1, 4);
        var (code, error) = Call(2, axes, 4, o, members: 2, parametersShortBy: 1);
        Assert.Equal(1, code);
        Assert.StartsWith("parameters_len: expected rows·axis_count = 6·1 = 6, got 5", error);

        byte* message = stackalloc byte[ManagedExports.ErrorCapacity];
        var values = new double[] { 0.1, 10, 16 };
        var name = Encoding.UTF8.GetBytes("g\0");
        long rows = -1;
        int k = -1;
        fixed (double* v = values)
        fixed (byte* nm = name)
        {
            var axis = new FaScanAxis { Name = nm, Kind = 1, Values = v, ValuesLength = 3 };
            Assert.Equal(0, Sizes(2, (nint)(&axis), 1, 64, 3, 0, &rows, &k, message, ManagedExports.ErrorCapacity));
            Assert.Equal((48L, 64), (rows, k));
            axis.ValuesLength = 2;
            Assert.Equal(1, Sizes(2, (nint)(&axis), 1, 64, 3, 0, &rows, &k, message, ManagedExports.ErrorCapacity));
            Assert.StartsWith("axes[0].values_len:", ManagedExports.Text(message));
        }
    }
}
