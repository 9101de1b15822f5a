using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// A model written once whose parameters come from a parameter table (<see cref="IParameterTable{TSelf, T}"/>), so
/// the same struct serves every backend with shared or per-member parameters, and dual numbers give both its
/// Jacobian products and its parameter derivatives: nothing but f is written by hand.
/// </summary>
/// <typeparam name="TSelf">The model type itself.</typeparam>
/// <typeparam name="T">The parameter value type of its table.</typeparam>
public interface IParameterisedModel<TSelf, T> : IModel<T>
    where TSelf : struct, IParameterisedModel<TSelf, T>
    where T : unmanaged, IReal<T>
{
    /// <summary>Parameters per member that gradients are taken with respect to (the gradient block's length).</summary>
    int ParameterCount { get; }

    /// <summary>This model with parameter <paramref name="p"/> seeded in its table (see <see cref="IParameterTable{TSelf, T}.Seeded"/>).</summary>
    TSelf Seeded(int p);
}
