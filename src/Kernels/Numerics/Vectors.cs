namespace FastAttractors.Kernels.Numerics;

/// <summary>Read access to one member's state vector, whatever the storage (SoA device view, host array, dual pair).</summary>
public interface IVectorIn<TNum> where TNum : unmanaged
{
    /// <summary>Component i.</summary>
    TNum this[int i] { get; }
}

/// <summary>Write access to one member's vector. Implementations are structs holding views, so writes reach memory.</summary>
public interface IVectorOut<TNum> where TNum : unmanaged
{
    /// <summary>Writes component i.</summary>
    void Set(int i, TNum value);
}
