using System.Reflection;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Binary;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU.Backends.EntryPoints;

namespace FastAttractors.Backends;

/// <summary>
/// Every kernel specialisation the engine can launch, and ahead-of-time compilation of each to PTX (sm_90) and
/// OpenCL C without a device: CI has no GPU, yet proves the GPU kernels compile.
/// </summary>
internal static class KernelSpecialisations
{
    public sealed record Specialisation(string Name, MethodInfo Kernel);

    /// <summary>
    /// The hand-written network models: each struct is its own tangent and adjoint model (tuned products), so one type
    /// serves the integration, Lyapunov and gradient kernels.
    /// </summary>
    private static readonly Type[] FlowModels =
        [typeof(TanhRnnModel<,>), typeof(ReluRnnModel<,>), typeof(TanhOfLinearModel<,>), typeof(LinearModel<,>)];

    private static readonly Type[] MapModels = [typeof(TanhOfLinearModel<,>)];

    private static readonly Type[] MapTangents = [typeof(TanhOfLinearModel<,>), typeof(LinearModel<,>)];


    public static IReadOnlyList<Specialisation> All()
    {
        var list = new List<Specialisation>();
        foreach (var real in new[] { typeof(Real32), typeof(Real64) })
        {
            foreach (var model in FlowModels)
            {
                list.Add(Make("rk4", typeof(Rk4Kernel), real, model));
                list.Add(Make("rk", typeof(RkKernel), real, model));
            }
            foreach (var model in MapModels)
                list.Add(Make("map", typeof(MapKernel), real, model));
            foreach (var model in FlowModels.Concat(MapModels).Distinct())
                list.Add(Make("jvp", typeof(JvpKernel), real, model));
            foreach (var tangent in FlowModels)
                list.Add(Make("lyapunov-rk", typeof(LyapunovRkKernel), real, tangent));
            foreach (var tangent in MapTangents)
                list.Add(Make("lyapunov-map", typeof(LyapunovMapKernel), real, tangent));
            // Built-ins written once (Lorenz, Hénon): f over a kernel parameter table; dual-number tangents (flow: trace;
            // map: LU) and adjoint products with parameter derivatives. One adjoint kernel serves flows and maps.
            var lorenz = WrittenOnce(real, typeof(LorenzField<,>));
            var henon = WrittenOnce(real, typeof(HenonField<,>));
            list.Add(Make("rk4", typeof(Rk4Kernel), real, ParameterisedOf(real, lorenz), "ParameterisedDerivatives(LorenzField)"));
            list.Add(Make("rk", typeof(RkKernel), real, ParameterisedOf(real, lorenz), "ParameterisedDerivatives(LorenzField)"));
            list.Add(Make("map", typeof(MapKernel), real, ParameterisedOf(real, henon), "ParameterisedDerivatives(HenonField)"));
            list.Add(Make("jvp", typeof(JvpKernel), real, lorenz, "LorenzField"));
            list.Add(Make("jvp", typeof(JvpKernel), real, henon, "HenonField"));
            list.Add(Make("lyapunov-rk", typeof(LyapunovRkKernel), real, ParameterisedOf(real, lorenz), "ParameterisedDerivatives(LorenzField)"));
            list.Add(Make("lyapunov-map", typeof(LyapunovMapKernel), real, ParameterisedOf(real, henon), "ParameterisedDerivatives(HenonField)"));
            foreach (var (field, name) in new[] { (lorenz, "LorenzField"), (henon, "HenonField") })
            {
                var adjoint = ParameterisedOf(real, field);
                list.Add(Make("adjoint-forward", typeof(AdjointForwardKernel), real, adjoint, $"ParameterisedDerivatives({name})"));
                list.Add(Make("adjoint-backward", typeof(AdjointBackwardKernel), real, adjoint, $"ParameterisedDerivatives({name})"));
            }
            // User models (Rössler's field carries its constants): dual-number tangents and Jᵀa around f alone.
            var rossler = typeof(RosslerField<>).MakeGenericType(real);
            list.Add(Make("rk4", typeof(Rk4Kernel), real, DualDerivativesOf(real, rossler), "DualDerivatives(RosslerField)"));
            list.Add(Make("lyapunov-rk", typeof(LyapunovRkKernel), real, DualDerivativesOf(real, rossler), "DualDerivatives(RosslerField)"));
            // One adjoint kernel serves flows and maps (a launch flag), so each model appears once.
            foreach (var adjoint in FlowModels)
            {
                list.Add(Make("adjoint-forward", typeof(AdjointForwardKernel), real, adjoint));
                list.Add(Make("adjoint-backward", typeof(AdjointBackwardKernel), real, adjoint));
            }
            list.Add(Make("adjoint-forward", typeof(AdjointForwardKernel), real, DualDerivativesOf(real, rossler), "DualDerivatives(RosslerField)"));
            list.Add(Make("adjoint-backward", typeof(AdjointBackwardKernel), real, DualDerivativesOf(real, rossler), "DualDerivatives(RosslerField)"));
        }
        // Binary sequence networks: float64 only, one kernel for hidden and visible perceptron variants (a launch flag).
        list.Add(new Specialisation("binary-recall<Real64, HiddenOrVisible>", typeof(BinaryRecallKernel).GetMethod(nameof(BinaryRecallKernel.Run))!));
        return list;
    }

    /// <summary>PTX for compute capability 9.0 (H100); throws if ILGPU cannot compile the kernel.</summary>
    public static string CompilePtx(Specialisation s) => AheadOfTimeCompiler.Ptx(EntryPoint(s));

    /// <summary>OpenCL C 2.0 source with float64 support, as ILGPU would hand it to an OpenCL driver.</summary>
    public static string CompileOpenCl(Specialisation s) => AheadOfTimeCompiler.OpenCl(EntryPoint(s));

    private static EntryPointDescription EntryPoint(Specialisation s) => EntryPointDescription.FromImplicitlyGroupedKernel(s.Kernel);

    /// <summary>A model over the kernel parameter table, named without its type arguments.</summary>
    private static Specialisation Make(string kind, Type kernel, Type real, Type model) =>
        Make(kind, kernel, real, WrittenOnce(real, model), model.Name.Split('`')[0]);

    private static Specialisation Make(string kind, Type kernel, Type real, Type closedModel, string modelName)
    {
        var method = kernel.GetMethod("Run")!.MakeGenericMethod(real, closedModel);
        return new Specialisation($"{kind}<{real.Name}, {modelName}>", method);
    }

    private static Type DualDerivativesOf(Type real, Type closedModel) => typeof(DualDerivatives<,>).MakeGenericType(real, closedModel);

    /// <summary>The kernel functor of a built-in written once (the map flag is a value, not part of the type).</summary>
    private static Type ParameterisedOf(Type real, Type closedField) => typeof(ParameterisedDerivatives<,>).MakeGenericType(real, closedField);

    /// <summary>A model struct closed over <paramref name="real"/> and the kernel parameter table.</summary>
    private static Type WrittenOnce(Type real, Type field) =>
        field.MakeGenericType(real, typeof(KernelParameters<>).MakeGenericType(real));
}
