using System.Collections.Concurrent;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Binary;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU;
using ILGPU.Runtime;

namespace FastAttractors.Backends;

/// <summary>
/// Loaded kernels per specialisation (model type × precision), per accelerator: loading compiles, so it happens
/// once and hot paths launch typed delegates only (STYLE 2).
/// </summary>
internal sealed class KernelCache(Accelerator accelerator)
{
    private readonly ConcurrentDictionary<(string Kernel, Type Model), Delegate> kernels = new();

    public Accelerator Accelerator { get; } = accelerator;

    /// <summary>The kernel <paramref name="name"/> for <paramref name="model"/>, loaded (compiled) on first use only.</summary>
    private TKernel Load<TKernel>(string name, Type model, Func<TKernel> load) where TKernel : Delegate =>
        (TKernel)kernels.GetOrAdd((name, model), _ => load());

    public Action<Index1D, TModel, EnsembleState<T>, Rk4Coefficients<T>, StepRange> Rk4<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T> =>
        Load("rk4", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, EnsembleState<T>, Rk4Coefficients<T>, StepRange>(Rk4Kernel.Run<T, TModel>));

    public Action<Index1D, TModel, EnsembleState<T>, RkTerms<T>, StepRange> Rk<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T> =>
        Load("rk", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, EnsembleState<T>, RkTerms<T>, StepRange>(RkKernel.Run<T, TModel>));

    public Action<Index1D, TModel, EnsembleState<T>, StepRange> Map<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T> =>
        Load("map", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, EnsembleState<T>, StepRange>(MapKernel.Run<T, TModel>));

    public Action<Index1D, TModel, LyapunovState<T>, RkTerms<T>, ArrayView<double>, LyapunovSchedule, IntervalRange> LyapunovRk<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T> =>
        Load("lyapunov-rk", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, LyapunovState<T>, RkTerms<T>, ArrayView<double>, LyapunovSchedule, IntervalRange>(
                LyapunovRkKernel.Run<T, TModel>));

    public Action<Index1D, TModel, LyapunovState<T>, LyapunovSchedule, IntervalRange> LyapunovMap<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T> =>
        Load("lyapunov-map", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, LyapunovState<T>, LyapunovSchedule, IntervalRange>(
                LyapunovMapKernel.Run<T, TModel>));

    public Action<Index1D, TModel, AdjointState<T>, AdjointCoefficients<T>, ForwardRange> AdjointForward<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T> =>
        Load("adjoint-forward", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, AdjointState<T>, AdjointCoefficients<T>, ForwardRange>(
                AdjointForwardKernel.Run<T, TModel>));

    public Action<Index1D, TModel, AdjointState<T>, AdjointCoefficients<T>, BackwardRange> AdjointBackward<T, TModel>()
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T> =>
        Load("adjoint-backward", typeof(TModel), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, TModel, AdjointState<T>, AdjointCoefficients<T>, BackwardRange>(
                AdjointBackwardKernel.Run<T, TModel>));

    public Action<Index1D, BinaryRecallShape, BinaryRecallBuffers> BinaryRecall() =>
        Load("binary-recall", typeof(double), () =>
            Accelerator.LoadAutoGroupedStreamKernel<Index1D, BinaryRecallShape, BinaryRecallBuffers>(BinaryRecallKernel.Run));
}
