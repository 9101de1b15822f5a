using System.Text.RegularExpressions;
using FastAttractors.Native.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// FsCheck properties over the exports themselves (in process): counts drawn from small valid values and hostile
/// ones (0, negative, int32 extremes, values whose products wrap in int64 or exceed one array), each length either
/// the product a naive caller computes in wrapping int64 arithmetic or a hostile value. The buffers are small, so
/// the model says which calls are valid: those succeed; every other one is FA_ERR_INVALID_ARGUMENT with a message
/// that starts with one of the function's argument names. A size that slipped through would read past a buffer.
/// Every large count is chosen so that any product with it exceeds one array: a consistent but merely large length
/// would otherwise be a valid call on a buffer too small for it.
/// </summary>
public sealed unsafe partial class HostileSizeProperties
{
    private const int Ok = 0, InvalidArgument = 1, Buffer = 256;

    private static readonly int[] Counts = [1, 2, 3, 0, -1, 46341, 1 << 30, int.MaxValue, int.MinValue, 2147483592];
    private static readonly long[] Hostile = [0, -1, 1L << 31, 1L << 53, 1L << 62, long.MaxValue, long.MinValue];
    private static readonly long[] Steps = [1, 10, 0, -1, (1L << 53) + 1, 1L << 62, long.MaxValue, long.MinValue];

    public sealed record IntegrateCall(int N, int Members, long WLength, long X0Length, long Steps, int RecordEvery,
        long TrajectoryLength, long FinalLength, long StatusLength);

    /// <summary>A generic integrate call: a model kind (valid or not), counts, and every fa_model and output length.</summary>
    public sealed record ModelIntegrateCall(int Kind, int N, int Members, long WLength, long BLength, long TauLength, long CoefficientsLength,
        long X0Length, long Steps, int RecordEvery, long TrajectoryLength, long FinalLength, long StatusLength);

    public sealed record TrainCall(int Networks, int Length, int Visible, int Hidden, long PatternsLength, long ULength, long VLength);

    /// <summary>A length: the naive product (wrapping, as C computes it) most of the time, else a hostile value.</summary>
    private static Gen<long> LengthOf(long naive) => Gen.Frequency((3, Gen.Constant(naive)), (2, Gen.Elements(Hostile)), (1, Gen.Elements(naive + 1, naive - 1)));

    public static class Arbs
    {
        public static Arbitrary<IntegrateCall> Integrate() =>
            (from n in Gen.Elements(Counts)
             from members in Gen.Elements(Counts)
             from perMember in Gen.Elements(false, true)
             from w in LengthOf(unchecked((long)n * n * (perMember ? members : 1)))
             from x0 in LengthOf(unchecked((long)n * members))
             from steps in Gen.Elements(Steps)
             from every in Gen.Elements(0, 1, 5, -1, int.MaxValue, int.MinValue)
             from trajectory in LengthOf(every > 0 ? unchecked((steps / every + 1) * n * members) : 0)
             from final in LengthOf(unchecked((long)n * members))
             from status in LengthOf(members)
             select new IntegrateCall(n, members, w, x0, steps, every, trajectory, final, status)).ToArbitrary();

        public static Arbitrary<ModelIntegrateCall> ModelIntegrate() =>
            (from kind in Gen.Frequency((9, Gen.Choose(1, 9)), (1, Gen.Elements(0, 10, -1, int.MaxValue)))
             from n in Gen.Elements(Counts)
             from members in Gen.Elements(Counts)
             from perMember in Gen.Elements(false, true)
             // Each slot's length: what a naive caller would pass for this kind (0 for a slot it lacks), or hostile.
             from w in LengthOf(kind is >= 1 and <= 6 ? unchecked((long)n * n * (perMember ? members : 1)) : 0)
             from b in LengthOf(kind is 1 or 2 or 5 or 6 ? unchecked((long)n * (perMember ? members : 1)) : 0)
             from tau in LengthOf(kind == 1 ? (perMember ? members : 1) : 0)
             from coefficients in LengthOf(kind switch { 7 => perMember ? unchecked(3L * members) : 3, 8 => perMember ? unchecked(2L * members) : 2, 9 => 3, _ => 0 })
             from x0 in LengthOf(unchecked((long)n * members))
             from steps in Gen.Elements(Steps)
             from every in Gen.Elements(0, 1, 5, -1, int.MaxValue)
             from trajectory in LengthOf(every > 0 ? unchecked((steps / every + 1) * n * members) : 0)
             from final in LengthOf(unchecked((long)n * members))
             from status in LengthOf(members)
             select new ModelIntegrateCall(kind, n, members, w, b, tau, coefficients, x0, steps, every, trajectory, final, status)).ToArbitrary();

        public static Arbitrary<TrainCall> Train() =>
            (from networks in Gen.Elements(1, 2, 0, -1, int.MaxValue, int.MinValue)
             from length in Gen.Elements(2, 3, 1, int.MaxValue)
             from visible in Gen.Elements(4, 0, -1, int.MaxValue)
             from hidden in Gen.Elements(5, 0, -1, int.MaxValue, int.MinValue)
             from patterns in LengthOf(unchecked((long)networks * length * visible))
             from u in LengthOf(unchecked((long)networks * hidden * visible))
             from v in LengthOf(unchecked((long)networks * hidden * visible))
             select new TrainCall(networks, length, visible, hidden, patterns, u, v)).ToArbitrary();
    }

    /// <summary>
    /// Valid exactly when every count is in range and every length is the exact product, which fits
    /// <paramref name="limit"/> values: the test's buffers, or (with <see cref="Array.MaxLength"/>) what the library accepts.
    /// </summary>
    private static bool Valid(IntegrateCall c, long limit = Buffer)
    {
        if (c.N < 1 || c.Members < 1 || c.Steps is < 1 or > 1L << 53 || c.RecordEvery < 0)
            return false;
        // Int128: the model must not wrap the way the naive lengths do.
        Int128 nn = (Int128)c.N * c.N, state = (Int128)c.N * c.Members;
        bool w = c.WLength == nn || (c.WLength == nn * c.Members && nn * c.Members <= limit);
        // Without recording, trajectory is ignored: any non-negative length will do.
        bool trajectory = c.RecordEvery == 0
            ? c.TrajectoryLength >= 0
            : c.TrajectoryLength == (c.Steps / c.RecordEvery + 1) * state && c.TrajectoryLength <= limit;
        return nn <= limit && state <= limit && w && c.X0Length == state && trajectory
               && c.FinalLength == state && c.StatusLength == c.Members;
    }

    /// <summary>A slot of <paramref name="length"/> values shared or per member, or absent (length 0) when <paramref name="optional"/>.</summary>
    private static bool Slot(long given, Int128 length, int members, bool optional, long limit) =>
        (optional && given == 0) || given == length || (given == length * members && length * members <= limit);

    private static bool Valid(ModelIntegrateCall c, long limit = Buffer)
    {
        if (c.Kind is < 1 or > 9 || c.N < 1 || c.Members < 1 || c.Steps is < 1 or > 1L << 53 || c.RecordEvery < 0)
            return false;
        if (c.Kind is 7 or 9 && c.N != 3 || c.Kind == 8 && c.N != 2)
            return false;
        bool matrix = c.Kind <= 6, bias = c.Kind is 1 or 2 or 5 or 6;
        Int128 nn = (Int128)c.N * c.N, state = (Int128)c.N * c.Members;
        bool w = matrix ? nn <= limit && Slot(c.WLength, nn, c.Members, false, limit) : c.WLength == 0;
        bool b = bias ? Slot(c.BLength, c.N, c.Members, true, limit) : c.BLength == 0;
        bool tau = c.Kind == 1 ? Slot(c.TauLength, 1, c.Members, true, limit) : c.TauLength == 0;
        bool coefficients = c.Kind switch
        {
            7 => Slot(c.CoefficientsLength, 3, c.Members, true, limit),
            8 => Slot(c.CoefficientsLength, 2, c.Members, true, limit),
            9 => c.CoefficientsLength is 0 or 3,
            _ => c.CoefficientsLength == 0,
        };
        bool trajectory = c.RecordEvery == 0
            ? c.TrajectoryLength >= 0
            : c.TrajectoryLength == (c.Steps / c.RecordEvery + 1) * state && c.TrajectoryLength <= limit;
        return state <= limit && w && b && tau && coefficients && c.X0Length == state && trajectory
               && c.FinalLength == state && c.StatusLength == c.Members;
    }

    private static bool Valid(TrainCall c, long limit = Buffer)
    {
        if (c.Networks < 1 || c.Length < 2 || c.Visible < 1 || c.Hidden < 1)
            return false;
        Int128 patterns = (Int128)c.Networks * c.Length * c.Visible, weights = (Int128)c.Networks * c.Hidden * c.Visible;
        return patterns <= limit && weights <= limit && c.PatternsLength == patterns && c.ULength == weights && c.VLength == weights;
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 400)]
    public void IntegrateRefusesEveryHostileSizeNamingAnArgument(IntegrateCall c)
    {
        // Consistent sizes that the library accepts but that exceed these buffers (members = 46341 with n = 1, say)
        // cannot be called here without reading past them: not a hostile size, and not this test's subject.
        if (Valid(c, Array.MaxLength) && !Valid(c))
            return;
        var w = new double[Buffer];
        var x0 = new double[Buffer];
        var trajectory = new double[Buffer];
        var final = new double[Buffer];
        var status = new int[Buffer];
        var error = new byte[ManagedExports.ErrorCapacity];
        w[0] = 0.5;
        int code;
        fixed (double* pw = w, px0 = x0, ptrajectory = trajectory, pfinal = final)
        fixed (int* pstatus = status)
        fixed (byte* perror = error)
        {
            code = ManagedExports.Integrate(ManagedExports.Context, 0, c.N, c.Members, pw, c.WLength, null, 0, null, 0, px0, c.X0Length,
                0.1, c.Steps, c.RecordEvery, ptrajectory, c.TrajectoryLength, pfinal, c.FinalLength, pstatus, c.StatusLength, perror, error.Length);
            AssertOutcome(Valid(c), code, ManagedExports.Text(perror), c.ToString(), IntegrateArguments);
        }
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 400)]
    public void ModelIntegrateRefusesEveryHostileSizeNamingAnArgument(ModelIntegrateCall c)
    {
        if (Valid(c, Array.MaxLength) && !Valid(c))
            return; // accepted by the library but larger than these buffers: see the integrate property
        var values = Enumerable.Repeat(0.5, Buffer).ToArray();   // positive: a valid tau, finite coefficients
        var x0 = new double[Buffer];
        var trajectory = new double[Buffer];
        var final = new double[Buffer];
        var status = new int[Buffer];
        var error = new byte[ManagedExports.ErrorCapacity];
        fixed (double* pvalues = values, px0 = x0, ptrajectory = trajectory, pfinal = final)
        fixed (int* pstatus = status)
        fixed (byte* perror = error)
        {
            // A slot with length 0 is passed as NULL (absent), any other length with the buffer.
            double* buffer = pvalues;
            double* Pointer(long length) => length == 0 ? null : buffer;
            var model = new FaModel
            {
                Kind = c.Kind, N = c.N, Members = c.Members,
                W = Pointer(c.WLength), WLength = c.WLength, B = Pointer(c.BLength), BLength = c.BLength,
                Tau = Pointer(c.TauLength), TauLength = c.TauLength, Coefficients = Pointer(c.CoefficientsLength), CoefficientsLength = c.CoefficientsLength,
            };
            double dt = c.Kind is 4 or 6 or 8 ? 1 : 0.1;   // maps are iterated: dt = 1
            int code = ManagedExports.ModelIntegrate(ManagedExports.Context, 0, &model, px0, c.X0Length, 0, dt, c.Steps, c.RecordEvery,
                ptrajectory, c.TrajectoryLength, pfinal, c.FinalLength, pstatus, c.StatusLength, perror, error.Length);
            AssertOutcome(Valid(c), code, ManagedExports.Text(perror), c.ToString(), ModelIntegrateArguments);
        }
    }

    private static readonly string[] ModelIntegrateArguments =
        ["model.kind", "model.n", "model.members", "model.w", "model.w_len", "model.b", "model.b_len", "model.tau", "model.tau_len",
         "model.coefficients", "model.coefficients_len", "x0", "x0_len", "steps", "record_every", "trajectory", "trajectory_len",
         "final_states", "final_states_len", "status", "status_len"];

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 300)]
    public void TrainRefusesEveryHostileSizeNamingAnArgument(TrainCall c)
    {
        if (Valid(c, Array.MaxLength) && !Valid(c))
            return; // accepted by the library but larger than these buffers: see the integrate property

        var patterns = Enumerable.Range(0, Buffer).Select(k => (sbyte)(k % 3 == 0 ? -1 : 1)).ToArray();
        var u = new double[Buffer];
        var v = new double[Buffer];
        var epochs = new int[Buffer];
        var converged = new int[Buffer];
        var error = new byte[ManagedExports.ErrorCapacity];
        long networks = Math.Max(c.Networks, 0);
        fixed (sbyte* ppatterns = patterns)
        fixed (double* pu = u, pv = v)
        fixed (int* pepochs = epochs, pconverged = converged)
        fixed (byte* perror = error)
        {
            int code = ManagedExports.Train(ManagedExports.Context, ppatterns, c.PatternsLength, c.Networks, c.Length, c.Visible, c.Hidden,
                1, 1.0 / 16, 20, 1, pu, c.ULength, pv, c.VLength, pepochs, networks, pconverged, networks, perror, error.Length);
            AssertOutcome(Valid(c), code, ManagedExports.Text(perror), c.ToString(), TrainArguments);
        }
    }

    private static readonly string[] IntegrateArguments =
        ["n", "members", "w", "w_len", "x0", "x0_len", "steps", "record_every", "trajectory", "trajectory_len", "final_states", "final_states_len", "status", "status_len"];

    private static readonly string[] TrainArguments =
        ["networks", "length", "visible", "hidden", "patterns", "patterns_len", "u", "u_len", "v", "v_len", "epochs", "epochs_len", "converged", "converged_len"];

    private static void AssertOutcome(bool valid, int code, string message, string call, string[] arguments)
    {
        if (valid)
        {
            Assert.True(code == Ok, $"{call}: a valid call failed with {code}: {message}");
            return;
        }
        Assert.True(code == InvalidArgument, $"{call}: expected FA_ERR_INVALID_ARGUMENT, got {code}: {message}");
        var named = ArgumentName().Match(message);
        Assert.True(named.Success && arguments.Contains(named.Groups[1].Value), $"{call}: the message does not start with an argument name: {message}");
    }

    [GeneratedRegex("^([a-z0-9_.]+):")]
    private static partial Regex ArgumentName();
}
