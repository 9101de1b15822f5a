namespace FastAttractors;

/// <summary>
/// A model (docs/reference/models-and-methods.md) as users see it: a dimension, flow or map, and parameters that are shared or per member.
/// Built-ins are sealed classes in this folder; a user model wraps a struct functor (<see cref="UserModel{TField64, TField32}"/>).
/// </summary>
public interface IEnsembleModel
{
    /// <summary>The model's name as reports and results show it.</summary>
    string Name { get; }

    /// <summary>State dimension n.</summary>
    int Dimension { get; }

    /// <summary>Whether the model is a flow or a map.</summary>
    DynamicsKind Kind { get; }

    /// <summary>The member count fixed by per-member parameters, or null when every parameter is shared.</summary>
    int? Members { get; }
}
