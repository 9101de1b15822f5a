using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// A model as a struct functor (STYLE 1): y = f(x) for flows (dx/dt = f(x)) or y = F(x) for maps (x ← F(x)),
/// for one member, generic over the number type so the same source runs as float, double or dual numbers, in ILGPU
/// kernels and on the CPU. Parameters are <see cref="ParamView{T}"/> fields; the scratch vector holds
/// <see cref="ScratchLength"/> values of the evaluation type (e.g. tanh(x) reused across rows of W).
/// </summary>
public interface IModel<T> where T : unmanaged, IReal<T>
{
    /// <summary>State dimension n.</summary>
    int Dimension { get; }

    /// <summary>Work values per member this model needs beside x and y.</summary>
    int ScratchLength { get; }

    /// <summary>
    /// Writes y = f(x) (flow) or y = F(x) (map) of member <paramref name="member"/>, evaluated in the number type
    /// <typeparamref name="TNum"/>; <paramref name="scratch"/> holds <see cref="ScratchLength"/> values.
    /// </summary>
    void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>;
}
