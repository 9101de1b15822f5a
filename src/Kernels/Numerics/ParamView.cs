using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// A model parameter block (P values per member) either shared by all members (stored once) or per member
/// (SoA, member fastest). Element (p, m) is at p * ParamStride + m * MemberStride, so one branch-free
/// index serves both: shared = (1, 0), per member = (members, 1).
/// </summary>
public readonly struct ParamView<T>(ArrayView<T> data, int paramStride, int memberStride) where T : unmanaged
{
    /// <summary>The parameter buffer.</summary>
    public readonly ArrayView<T> Data = data;
    /// <summary>Distance between consecutive parameters p (1 when shared, members when per member).</summary>
    public readonly int ParamStride = paramStride;
    /// <summary>Distance between consecutive members (0 when shared, 1 when per member).</summary>
    public readonly int MemberStride = memberStride;

    /// <summary>Parameter p of member <paramref name="member"/>.</summary>
    public T Get(int p, int member) => Data[(long)p * ParamStride + (long)member * MemberStride];

    /// <summary>The generic form of a parameter read: lifts into the evaluation number type.</summary>
    public TNum Get<TNum>(int p, int member) where TNum : unmanaged, ILift<TNum, T> => TNum.Lift(Get(p, member));

    /// <summary>A view of one parameter block shared by every member.</summary>
    public static ParamView<T> Shared(ArrayView<T> data) => new(data, 1, 0);
    /// <summary>
    /// A view of per-member parameters stored SoA, member fastest, for <paramref name="members"/> members.
    /// </summary>
    public static ParamView<T> PerMember(ArrayView<T> data, int members) => new(data, members, 1);
}
