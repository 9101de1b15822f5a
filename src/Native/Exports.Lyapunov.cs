using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>fa_tanh_lyapunov_f64 / _f32: the leading k Lyapunov exponents of every member (QR method); fa_lyapunov_* with FA_MODEL_TANH_RNN.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TanhLyapunov(nint context, int dtype, int n, int members,
        void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0, long x0Length,
        double dt, double transient, double duration, int every, int k,
        double* exponents, long exponentsLength, double* errors, long errorsLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var model = TanhArguments.Check(n, members, w, wLength, b, bLength, tau, tauLength, x0, x0Length);
            ModelRuns.Lyapunov(engine, model, type, method: 1, dt, transient, duration, every, k,
                exponents, exponentsLength, errors, errorsLength, status, statusLength, diagnostics: null);
        });
    }
}
