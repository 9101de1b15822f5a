namespace FastAttractors.Native;

/// <summary>fa_backend values of the header ↔ <see cref="Backend"/>; explicit, so reordering the managed enum cannot change the ABI.</summary>
internal static class BackendCodes
{
    public static Backend? FromCode(int code) => code switch
    {
        0 => null,
        1 => Backend.Cuda,
        2 => Backend.OpenCL,
        3 => Backend.IlgpuCpu,
        4 => Backend.Simd,
        5 => Backend.Reference,
        _ => throw new ArgumentOutOfRangeException("backend", code,
            $"backend: unknown fa_backend {code}; valid: 0 auto, 1 cuda, 2 opencl, 3 ilgpu-cpu, 4 simd, 5 reference."),
    };

    public static int ToCode(Backend backend) => backend switch
    {
        Backend.Cuda => 1,
        Backend.OpenCL => 2,
        Backend.IlgpuCpu => 3,
        Backend.Simd => 4,
        Backend.Reference => 5,
        _ => throw new NativeFailure(ErrorCode.Internal, $"backend {backend} has no fa_backend code."),
    };
}
