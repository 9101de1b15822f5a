using System.Text;

namespace FastAttractors.Native.Tests.Support;

/// <summary>
/// Calls the [UnmanagedCallersOnly] exports in process through function pointers, as the C shim does (including the
/// trailing error buffer), so a property can make thousands of calls without a child process per call.
/// </summary>
public static unsafe class ManagedExports
{
    public const int ErrorCapacity = 1024;

    /// <summary>
    /// A Simd context per test thread. The C ABI's contract is one context per thread: a call that finds its context in
    /// use returns FA_ERR_BUSY at once. Test classes run in parallel, so one shared context made calls of two classes
    /// collide (seen in CI as "ctx: the context is in use by another thread").
    /// </summary>
    public static nint Context => ThreadContext.Value;

    private static readonly ThreadLocal<nint> ThreadContext = new(() =>
    {
        nint context;
        byte* error = stackalloc byte[ErrorCapacity];
        int code = ((delegate* unmanaged[Cdecl]<int, nint*, byte*, int, int>)&Exports.ContextCreate)(4, &context, error, ErrorCapacity);
        return code == 0 ? context : throw new InvalidOperationException($"fa_context_create: {code} {Text(error)}");
    });

    public static delegate* unmanaged[Cdecl]<nint, int, int, int, void*, long, void*, long, void*, long, void*, long,
        double, long, int, void*, long, void*, long, int*, long, byte*, int, int> Integrate => &Exports.TanhIntegrate;

    public static delegate* unmanaged[Cdecl]<nint, sbyte*, long, int, int, int, int, double, double, int, ulong,
        double*, long, double*, long, int*, long, int*, long, byte*, int, int> Train => &Exports.SequenceTrain;

    public static delegate* unmanaged[Cdecl]<nint, int, void*, void*, long, int, double, long, int,
        void*, long, void*, long, int*, long, byte*, int, int> ModelIntegrate => &Exports.ModelIntegrate;

    public static delegate* unmanaged[Cdecl]<nint, int, void*, void*, long, int, double, double, double, int, int,
        double*, long, double*, long, int*, long, void*, byte*, int, int> ModelLyapunov => &Exports.ModelLyapunov;

    public static delegate* unmanaged[Cdecl]<nint, int, void*, void*, long, int, double, long, void*, long,
        void*, long, void*, long, void*, int*, long, byte*, int, int> ModelGradient => &Exports.ModelGradient;

    public static string Text(byte* error)
    {
        int length = 0;
        while (length < ErrorCapacity && error[length] != 0)
            length++;
        return Encoding.UTF8.GetString(error, length);
    }
}
