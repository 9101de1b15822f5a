using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>fa_integrate_f64 / _f32: integrates (flows) or iterates (maps) an ensemble of any built-in model (an fa_model).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ModelIntegrate(nint context, int dtype, void* model, void* x0, long x0Length,
        int method, double dt, long steps, int recordEvery,
        void* trajectory, long trajectoryLength, void* finalStates, long finalLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var arguments = ModelArguments.Check((NativeModel*)model, x0, x0Length);
            ModelRuns.Integrate(engine, arguments, type, method, dt, steps, recordEvery,
                trajectory, trajectoryLength, finalStates, finalLength, status, statusLength);
        });
    }

    /// <summary>fa_lyapunov_f64 / _f32: the leading k Lyapunov exponents of any built-in model, with standard errors and diagnostics.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ModelLyapunov(nint context, int dtype, void* model, void* x0, long x0Length,
        int method, double dt, double transient, double duration, int every, int k,
        double* exponents, long exponentsLength, double* errors, long errorsLength, int* status, long statusLength,
        void* diagnostics, byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var arguments = ModelArguments.Check((NativeModel*)model, x0, x0Length);
            ModelRuns.Lyapunov(engine, arguments, type, method, dt, transient, duration, every, k,
                exponents, exponentsLength, errors, errorsLength, status, statusLength, (NativeLyapunovDiagnostics*)diagnostics);
        });
    }

    /// <summary>fa_gradient_f64 / _f32: the terminal loss of any built-in model and its exact gradients (x0 and the chosen parameters).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ModelGradient(nint context, int dtype, void* model, void* x0, long x0Length,
        int method, double dt, long steps, void* target, long targetLength,
        void* loss, long lossLength, void* gradX0, long gradX0Length, void* grads, int* status, long statusLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var arguments = ModelArguments.Check((NativeModel*)model, x0, x0Length);
            var outputs = grads == null ? default : *(NativeParameterArrays*)grads;
            ModelRuns.Gradient(engine, arguments, type, method, dt, steps, target, targetLength,
                loss, lossLength, gradX0, gradX0Length, outputs, "grads.", requireW: false, status, statusLength);
        });
    }
}
