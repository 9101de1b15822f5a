using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

/// <summary>
/// The managed side of native/fastattractors.h. The C shim (native/shim) resolves each method by name with
/// load_assembly_and_get_function_pointer and calls it with two extra trailing arguments: the thread-local
/// fa_last_error buffer and its capacity. Every method catches everything: no exception crosses into native code.
/// </summary>
public static unsafe partial class Exports
{
    /// <summary>fa_context_create: backend is an fa_backend value (0 = auto: FASTATTRACTORS_BACKEND, else Cuda > OpenCL > Simd).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ContextCreate(int backend, nint* context, byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () =>
        {
            NativeArrays.RequirePointer(context, "out");
            *context = 0;
            var chosen = BackendCodes.FromCode(backend);
            Engine engine;
            try
            {
                engine = Engine.Create(chosen);
            }
            catch (InvalidOperationException e)
            {
                throw new NativeFailure(ErrorCode.BackendUnavailable, e.Message);
            }
            *context = ContextTable.Add(engine);
        });
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ContextDestroy(nint context, byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () => ContextTable.Destroy(context));
    }

    /// <summary>fa_context_backend: the backend the context runs on (never 0 = auto).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ContextBackend(nint context, int* backend, byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () =>
        {
            NativeArrays.RequirePointer(backend, "backend");
            using var lease = ContextTable.Enter(context);
            *backend = BackendCodes.ToCode(lease.Engine.Backend);
        });
    }

    /// <summary>fa_version: the library's informational version, NUL-terminated into buffer.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Version(byte* buffer, int capacity)
    {
        try
        {
            string version = typeof(Engine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                             ?? typeof(Engine).Assembly.GetName().Version?.ToString() ?? "unknown";
            int plus = version.IndexOf('+', StringComparison.Ordinal); // drop the source-revision suffix
            ErrorReport.WriteText(plus < 0 ? version : version[..plus], buffer, capacity);
            return (int)ErrorCode.Ok;
        }
        catch (Exception e)
        {
            return ErrorReport.Report(e, buffer, capacity);
        }
    }
}
