using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
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
