using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>fa_tanh_lyapunov_f64 / _f32: the leading k Lyapunov exponents of every member (QR method).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TanhLyapunov(nint context, int dtype, int n, int members,
        void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0, long x0Length,
        double dt, double transient, double duration, int every, int k,
        double* exponents, long exponentsLength, double* errors, long errorsLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        try
        {
            ErrorReport.Clear(error, capacity);
            using var lease = ContextTable.Enter(context);
            var type = ElementTypes.Check(dtype);
            var model = TanhArguments.Check(n, members, w, wLength, b, bLength, tau, tauLength, x0, x0Length);
            NativeArrays.Count(every, "every");
            if (k < 1 || k > n)
                throw new ArgumentOutOfRangeException(nameof(k), k, $"k: must be between 1 and n = {n}, got {k}.");
            var solver = new Rk4(dt);
            StepCounts.CheckSpan(transient, dt, "transient", positive: false);
            StepCounts.CheckSpan(duration, dt, "duration", positive: true);
            StepCounts.CheckSpan(transient + duration, dt, "duration", positive: true);
            long spectra = ElementCounts.Product("k", "the spectra need members·k", members, k);
            NativeArrays.CheckOutput(exponents, exponentsLength, spectra, "exponents", $"members·k = {members}·{k}");
            NativeArrays.CheckOutput(errors, errorsLength, spectra, "errors", $"members·k = {members}·{k}");
            NativeArrays.CheckOutput(status, statusLength, members, "status", "members");
            var inputs = model.Read(type);

            var result = lease.Engine.Lyapunov(inputs.Problem, solver, new LyapunovOptions
            {
                Transient = transient,
                Duration = duration,
                Every = every,
                Exponents = k,
                Precision = type.Precision(),
            });

            NativeArrays.WriteDoubles(result.Exponents, exponents);
            NativeArrays.WriteDoubles(result.StandardErrors, errors);
            for (int m = 0; m < members; m++)
                status[m] = (int)result.Status[m];
            return (int)ErrorCode.Ok;
        }
        catch (Exception e)
        {
            return ErrorReport.Report(e, error, capacity);
        }
    }
}
