using System.Reflection;
using FastAttractors.Backends;
using FastAttractors.Kernels.Binary;
using ILGPU.Backends.EntryPoints;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The binary-network kernels added beside the float64 recall kernel (which KernelSpecialisations lists), with
/// ahead-of-time compilation to PTX (sm_90) and OpenCL C without a device through the same
/// <see cref="AheadOfTimeCompiler"/> as KernelSpecialisations; the training kernel is explicitly grouped (one group
/// per network) and compiles as such.
/// </summary>
internal static class IlgpuBinaryKernelList
{
    public sealed record Specialisation(string Name, MethodInfo Kernel, bool ExplicitlyGrouped);

    public static IReadOnlyList<Specialisation> All() =>
    [
        new("binary-train<Real64, HiddenOrVisible>", typeof(BinaryTrainingKernel).GetMethod(nameof(BinaryTrainingKernel.Run))!, true),
        new("binary-recall<Real32, HiddenOrVisible>", typeof(BinaryRecallKernel).GetMethod(nameof(BinaryRecallKernel.RunFloat32))!, false),
    ];

    public static string CompilePtx(Specialisation s) => AheadOfTimeCompiler.Ptx(EntryPoint(s));

    public static string CompileOpenCl(Specialisation s) => AheadOfTimeCompiler.OpenCl(EntryPoint(s));

    private static EntryPointDescription EntryPoint(Specialisation s) => s.ExplicitlyGrouped
        ? EntryPointDescription.FromExplicitlyGroupedKernel(s.Kernel)
        : EntryPointDescription.FromImplicitlyGroupedKernel(s.Kernel);
}
