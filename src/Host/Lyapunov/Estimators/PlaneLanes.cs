using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Simd;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The number type of the Lyapunov plane path (<see cref="TileRun{T, TField}"/>): one float64 lane vector per tile,
/// for one tile (<see cref="OneTile"/>) or two side by side (<see cref="TwoTiles"/>). Each operation on two tiles is
/// two independent vector instructions back to back, which the core overlaps: one tile's step is a single chain of
/// dependent operations (W x, then exp, then a division, then the next stage) that leaves the FMA units idle while
/// it waits. Every lane gets the same operations whichever type carries it, so results do not depend on the choice.
/// <para>
/// The hot methods are compiled optimised at once (AggressiveOptimization): under tiered compilation a scan chunk
/// spent seconds in the unoptimised first tier, where none of these operations is inlined (a 1,024-row chunk took
/// 5.2–6.5 s on one core against 2.9 s with tiering off).
/// </para>
/// </summary>
internal interface IPlaneLanes<TSelf> where TSelf : struct, IPlaneLanes<TSelf>
{
    static abstract int Tiles { get; }
    static abstract TSelf Zero { get; }
    static abstract TSelf Broadcast(double value);
    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
    static abstract TSelf operator /(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a);
    static abstract TSelf Fma(TSelf a, TSelf b, TSelf c);
    static abstract TSelf Sqrt(TSelf a);

    /// <summary>tanh, with sech² (<see cref="LaneTanh"/>).</summary>
    static abstract TSelf Tanh(TSelf x, out TSelf sech2);

    /// <summary>All bits set in the finite lanes.</summary>
    static abstract TSelf FiniteMask(TSelf x);

    /// <summary>Lanes of <paramref name="ifTrue"/> where <paramref name="mask"/> is set, else of <paramref name="ifFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf ifTrue, TSelf ifFalse);
    static abstract TSelf Flush(TSelf x);
    static abstract bool AnyNewlyFailed(TSelf finite, TSelf frozen);

    Vector<double> this[int tile] { get; set; }
}

internal struct OneTile : IPlaneLanes<OneTile>
{
    public Vector<double> A;

    public static int Tiles => 1;
    public static OneTile Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile Broadcast(double value) => new() { A = new Vector<double>(value) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile operator +(OneTile a, OneTile b) => new() { A = a.A + b.A };
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile operator -(OneTile a, OneTile b) => new() { A = a.A - b.A };
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile operator *(OneTile a, OneTile b) => new() { A = a.A * b.A };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile operator /(OneTile a, OneTile b) => new() { A = a.A / b.A };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile operator -(OneTile a) => new() { A = -a.A };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile Sqrt(OneTile a) => new() { A = Vector.SquareRoot(a.A) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile Fma(OneTile a, OneTile b, OneTile c) => new() { A = Vector.FusedMultiplyAdd(a.A, b.A, c.A) };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static OneTile Tanh(OneTile x, out OneTile sech2)
    {
        var t = LaneTanh.Evaluate(x.A, out var s);
        sech2 = new() { A = s };
        return new() { A = t };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile FiniteMask(OneTile x) => new() { A = SimdMath.FiniteMask(x.A) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile Select(OneTile mask, OneTile ifTrue, OneTile ifFalse) => new() { A = Vector.ConditionalSelect(mask.A, ifTrue.A, ifFalse.A) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OneTile Flush(OneTile x) => new() { A = TinyFlush<double>.Apply(x.A) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNewlyFailed(OneTile finite, OneTile frozen) => (~finite.A & ~frozen.A) != Vector<double>.Zero;

    public Vector<double> this[int tile]
    {
        readonly get => A;
        set => A = value;
    }
}

internal struct TwoTiles : IPlaneLanes<TwoTiles>
{
    public Vector<double> A, B;

    public static int Tiles => 2;
    public static TwoTiles Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles Broadcast(double value) => new() { A = new Vector<double>(value), B = new Vector<double>(value) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles operator +(TwoTiles a, TwoTiles b) => new() { A = a.A + b.A, B = a.B + b.B };
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles operator -(TwoTiles a, TwoTiles b) => new() { A = a.A - b.A, B = a.B - b.B };
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles operator *(TwoTiles a, TwoTiles b) => new() { A = a.A * b.A, B = a.B * b.B };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles operator /(TwoTiles a, TwoTiles b) => new() { A = a.A / b.A, B = a.B / b.B };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles operator -(TwoTiles a) => new() { A = -a.A, B = -a.B };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles Sqrt(TwoTiles a) => new() { A = Vector.SquareRoot(a.A), B = Vector.SquareRoot(a.B) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles Fma(TwoTiles a, TwoTiles b, TwoTiles c) =>
        new() { A = Vector.FusedMultiplyAdd(a.A, b.A, c.A), B = Vector.FusedMultiplyAdd(a.B, b.B, c.B) };

    /// <summary>Not inlined, for the same budget reason as TileRun's TangentStep; LaneTanh is inlined here instead.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static TwoTiles Tanh(TwoTiles x, out TwoTiles sech2)
    {
        var ta = LaneTanh.Evaluate(x.A, out var sa);
        var tb = LaneTanh.Evaluate(x.B, out var sb);
        sech2 = new() { A = sa, B = sb };
        return new() { A = ta, B = tb };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles FiniteMask(TwoTiles x) => new() { A = SimdMath.FiniteMask(x.A), B = SimdMath.FiniteMask(x.B) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles Select(TwoTiles mask, TwoTiles ifTrue, TwoTiles ifFalse) =>
        new() { A = Vector.ConditionalSelect(mask.A, ifTrue.A, ifFalse.A), B = Vector.ConditionalSelect(mask.B, ifTrue.B, ifFalse.B) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoTiles Flush(TwoTiles x) => new() { A = TinyFlush<double>.Apply(x.A), B = TinyFlush<double>.Apply(x.B) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNewlyFailed(TwoTiles finite, TwoTiles frozen) =>
        ((~finite.A & ~frozen.A) | (~finite.B & ~frozen.B)) != Vector<double>.Zero;

    public Vector<double> this[int tile]
    {
        readonly get => tile == 0 ? A : B;
        set
        {
            if (tile == 0)
                A = value;
            else
                B = value;
        }
    }
}
