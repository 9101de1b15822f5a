using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Lanes;

namespace FastAttractors;

/// <summary>
/// A user-defined model: a struct functor implementing only f(x) through <see cref="IModel{T}.Evaluate"/>, written once
/// generic over the number type (so dual numbers give its Jacobian–vector product), given in both precisions. It
/// carries its own constants; per-member parameters are for the built-ins. It runs in ILGPU kernels (Cuda, OpenCL,
/// IlgpuCpu) and on the Reference path; on the Simd path it is called once per tile with lane number types
/// (<see cref="Lanes64"/>, <see cref="Lanes32"/>: one member per SIMD lane), so f, J v, Jᵀa and tr J run vectorised
/// with no hand-written Simd field. There the member index it is given is the tile's first member.
/// </summary>
public sealed class UserModel<TField64, TField32> : IEnsembleModel, IModelBinding
    where TField64 : struct, IModel<Real64>
    where TField32 : struct, IModel<Real32>
{
    private readonly TField64 field64;
    private readonly TField32 field32;

    /// <summary>Wraps a user field given in both precisions.</summary>
    /// <param name="field64">The float64 field.</param>
    /// <param name="field32">The float32 field, of the same dimension.</param>
    /// <param name="kind">Flow or Map.</param>
    /// <param name="name">The name reports show.</param>
    public UserModel(TField64 field64, TField32 field32, DynamicsKind kind, string name = "User")
    {
        if (field64.Dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(field64), field64.Dimension, $"dimension must be at least 1, got {field64.Dimension}.");
        if (field32.Dimension != field64.Dimension)
            throw new ArgumentException($"the float32 field has dimension {field32.Dimension}, the float64 field {field64.Dimension}.", nameof(field32));
        this.field64 = field64;
        this.field32 = field32;
        Kind = kind;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int Dimension => field64.Dimension;
    /// <inheritdoc/>
    public DynamicsKind Kind { get; }
    /// <summary>Always null: a user model carries its own constants, so it fixes no member count.</summary>
    public int? Members => null;

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [];

    void IModelBinding.BindKernel<T>(ParamView<T>[] parameters, IKernelModelSink<T> sink)
    {
        // J v and Jᵀa by dual numbers: the user writes only f. T is Real32 or Real64; the casts are resolved at JIT time.
        int map = Kind == DynamicsKind.Map ? 1 : 0;
        if (typeof(T) == typeof(Real64))
            ((IKernelModelSink<Real64>)sink).Run(new DualDerivatives<Real64, TField64>(field64, map));
        else if (typeof(T) == typeof(Real32))
            ((IKernelModelSink<Real32>)sink).Run(new DualDerivatives<Real32, TField32>(field32, map));
        else
            throw new NotSupportedException($"precision {typeof(T).Name} is not supported.");
    }

    /// <summary>
    /// Evaluate the functor once per member on the Simd path instead of once per tile in lane numbers: the slower path
    /// before vectorisation, kept callable so benchmarks and tests can compare against it.
    /// </summary>
    internal bool LaneByLaneOnSimd { get; init; }

    /// <summary>
    /// False keeps Simd integration of a small system (dimension ≤ 4, classic RK4, f marked AggressiveInlining) on the
    /// memory-resident tile path instead of stepping each tile with its state in registers; both give the same bits
    /// (tests compare them, benchmarks time them).
    /// </summary>
    internal bool RegistersOnSimd { get; init; } = true;

    /// <summary>Tiles stepped in lockstep on the register path; 0 for the default (benchmarks vary it).</summary>
    internal int RegisterTilesInLockstep { get; init; }

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] parameters, ISimdFieldSink<T> sink)
    {
        if (typeof(T) == typeof(double))
        {
            var typed = (ISimdFieldSink<double>)sink;
            if (LaneByLaneOnSimd)
                typed.Run(new LaneByLaneUserField<double, Real64, TField64>(field64));
            else
                typed.Run(new VectorisedUserField<double, Lanes64, Real64, TField64>(field64, RegistersOnSimd, RegisterTilesInLockstep));
        }
        else if (typeof(T) == typeof(float))
        {
            var typed = (ISimdFieldSink<float>)sink;
            if (LaneByLaneOnSimd)
                typed.Run(new LaneByLaneUserField<float, Real32, TField32>(field32));
            else
                typed.Run(new VectorisedUserField<float, Lanes32, Real32, TField32>(field32, RegistersOnSimd, RegisterTilesInLockstep));
        }
        else
            throw new NotSupportedException($"precision {typeof(T).Name} is not supported.");
    }

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [];

    IReferenceField IModelBinding.CreateReferenceField() => new DualReferenceField<TField64>(field64, Kind);
}
