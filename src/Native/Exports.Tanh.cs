using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

// The fa_tanh_* functions: a TanhRnn given as plain parameters (TanhArguments), run by the generic path (ModelRuns).
public static unsafe partial class Exports
{
    /// <summary>fa_tanh_integrate_f64 / _f32: RK4 integration of a TanhRnn ensemble (see the header for the layout); fa_integrate_* with FA_MODEL_TANH_RNN.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TanhIntegrate(nint context, int dtype, int n, int members,
        void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0, long x0Length,
        double dt, long steps, int recordEvery,
        void* trajectory, long trajectoryLength, void* finalStates, long finalLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var model = TanhArguments.Check(n, members, w, wLength, b, bLength, tau, tauLength, x0, x0Length);
            ModelRuns.Integrate(engine, model, type, method: 1, dt, steps, recordEvery,
                trajectory, trajectoryLength, finalStates, finalLength, status, statusLength);
        });
    }

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

    /// <summary>fa_tanh_gradient_f64 / _f32: the terminal loss ½|x(T) − y|² and its exact gradients dL/dx0, dL/dW; fa_gradient_* with FA_MODEL_TANH_RNN.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TanhGradient(nint context, int dtype, int n, int members,
        void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0, long x0Length,
        double dt, long steps, void* target, long targetLength,
        void* loss, long lossLength, void* gradX0, long gradX0Length, void* gradW, long gradWLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var model = TanhArguments.Check(n, members, w, wLength, b, bLength, tau, tauLength, x0, x0Length);
            // dL/dW only, and mandatory, as this function has always had it; b and tau are fa_gradient_*'s.
            var grads = new NativeParameterArrays { W = gradW, WLength = gradWLength };
            ModelRuns.Gradient(engine, model, type, method: 1, dt, steps, target, targetLength,
                loss, lossLength, gradX0, gradX0Length, grads, "grad_", requireW: true, status, statusLength);
        });
    }
}
