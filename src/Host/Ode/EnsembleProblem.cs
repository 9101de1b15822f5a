namespace FastAttractors;

/// <summary>
/// A model plus initial states for every member (problem ≠ algorithm, STYLE 5). States are structure of arrays,
/// member fastest: component i of member m at i · Members + m.
/// </summary>
public sealed record EnsembleProblem
{
    /// <summary>A problem of <paramref name="members"/> members.</summary>
    /// <param name="model">The model.</param>
    /// <param name="initialStates">n × members finite values, component i of member m at i·members + m.</param>
    /// <param name="members">The member count; must match the model's when it has per-member parameters.</param>
    /// <remarks>Throws when a shape disagrees or an initial value is not finite.</remarks>
    public EnsembleProblem(IEnsembleModel model, double[] initialStates, int members)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(initialStates);
        if (members < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        if (model.Members is { } fixedMembers && fixedMembers != members)
            throw new ArgumentException(
                $"members: the model's per-member parameters describe {fixedMembers} members, the problem has {members}.", nameof(members));
        long expected = (long)model.Dimension * members;
        if (initialStates.LongLength != expected)
            throw new ArgumentException(
                $"initialStates: expected n × members = {model.Dimension} × {members} = {expected} values, got {initialStates.LongLength}.",
                nameof(initialStates));
        for (long k = 0; k < initialStates.LongLength; k++)
        {
            if (!double.IsFinite(initialStates[k]))
                throw new ArgumentException(
                    $"initialStates: value {initialStates[k]} (component {k / members}, member {k % members}) is not finite.", nameof(initialStates));
        }
        Model = model;
        InitialStates = initialStates;
        Members = members;
    }

    /// <summary>The model every member follows.</summary>
    public IEnsembleModel Model { get; }
    /// <summary>Initial states, n × members, component i of member m at i·Members + m.</summary>
    public double[] InitialStates { get; }
    /// <summary>The number of members.</summary>
    public int Members { get; }
    /// <summary>The state dimension n (the model's).</summary>
    public int Dimension => Model.Dimension;

    /// <summary>A problem whose member count is the model's (per-member parameters) or given.</summary>
    public static EnsembleProblem Create(IEnsembleModel model, double[] initialStates) =>
        new(model, initialStates, model.Members ?? (int)(initialStates.LongLength / Math.Max(1, model.Dimension)));
}
