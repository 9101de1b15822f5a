using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;

namespace FastAttractors.Adjoint.Ilgpu;

/// <summary>
/// The per-member work a model's adjoint functor needs (scratch, adjoint work, parameter cotangents), read before
/// any chunk is sized: the functor is bound once over empty parameter views, whose contents its length properties
/// never read.
/// </summary>
internal readonly record struct AdjointShape(int ScratchLength, int WorkLength, int ParameterLength)
{
    public static AdjointShape Of<T>(IModelBinding binding) where T : unmanaged, IReal<T>, ILift<T, T>
    {
        var probe = new Probe<T>();
        binding.BindKernel(new ParamView<T>[binding.DeviceParameters.Count], probe);
        int expected = binding.GradientParameters.Sum(b => b.Length);
        if (probe.Shape.ParameterLength != expected)
            throw new InvalidOperationException(
                $"the adjoint functor accumulates {probe.Shape.ParameterLength} parameter cotangents, the model's gradient blocks hold {expected}.");
        return probe.Shape;
    }

    private sealed class Probe<T> : IKernelModelSink<T> where T : unmanaged, IReal<T>, ILift<T, T>
    {
        public AdjointShape Shape { get; private set; }

        public void Run<TModel>(TModel model) where TModel : struct, ITangentModel<T>, IAdjointModel<T> =>
            Shape = new(model.ScratchLength, model.AdjointWorkLength, model.ParameterLength);
    }
}
