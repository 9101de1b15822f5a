using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Models.WrittenOnce;

/// <summary>The Reference path's table: the user's float64 values, straight from the <see cref="ParameterBlock"/>.</summary>
internal readonly struct ReferenceParameters(ParameterBlock block, int seed = -1) : IParameterTable<ReferenceParameters, Real64>
{
    public TNum Get<TNum>(int p, int member) where TNum : unmanaged, IReal<TNum>, ILift<TNum, Real64>
    {
        var value = TNum.Lift(new Real64(block.Get(p, member)));
        return p == seed ? TNum.Variable(value) : value;
    }

    public ReferenceParameters Seeded(int p) => new(block, p);
}
