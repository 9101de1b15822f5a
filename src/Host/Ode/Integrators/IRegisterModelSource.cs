using System.Numerics;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Simd.Lanes;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// A Simd field that is a generic model evaluated in lane numbers and may be stepped with its tile state in
/// registers (<see cref="RegisterRk4Runner{T}"/>). It hands over the model with its concrete types, the same double
/// dispatch as <see cref="Models.ISimdFieldSink{T}"/>.
/// </summary>
internal interface IRegisterModelSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>False where the caller asked for the memory-resident path (tests and benchmarks compare the two).</summary>
    bool RegisterResident { get; }

    /// <summary>Tiles stepped in lockstep on the register path; 0 for the default.</summary>
    int TilesInLockstep { get; }

    /// <summary>Calls <paramref name="sink"/> with the model and its lane and scalar types.</summary>
    void Accept(IRegisterModelSink<T> sink);
}

/// <summary>Receives a generic model with the lane number type it runs in on Simd.</summary>
internal interface IRegisterModelSink<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    void Run<TLanes, TReal, TModel>(TModel model)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>;
}
