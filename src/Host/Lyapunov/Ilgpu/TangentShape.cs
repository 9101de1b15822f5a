using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;

namespace FastAttractors.Lyapunov.Ilgpu;

/// <summary>
/// The per-member work a model's tangent functor needs (scratch and linearisation lengths), read before any chunk is
/// sized: the functor is bound once over empty parameter views, whose contents its length properties never read.
/// </summary>
internal readonly record struct TangentShape(int ScratchLength, int LinearisationLength)
{
    public static TangentShape Of<T>(IModelBinding binding) where T : unmanaged, IReal<T>, ILift<T, T>
    {
        var probe = new Probe<T>();
        binding.BindKernel(new ParamView<T>[binding.DeviceParameters.Count], probe);
        return probe.Shape;
    }

    private sealed class Probe<T> : IKernelModelSink<T> where T : unmanaged, IReal<T>, ILift<T, T>
    {
        public TangentShape Shape { get; private set; }

        public void Run<TModel>(TModel model) where TModel : struct, ITangentModel<T>, IAdjointModel<T> =>
            Shape = new(model.ScratchLength, model.LinearisationLength);
    }
}
