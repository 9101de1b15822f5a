using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

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
}
