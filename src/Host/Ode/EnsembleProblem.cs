namespace FastAttractors;

/// <summary>
/// A model plus initial states for every member (problem ≠ algorithm, STYLE 5). States are structure of arrays,
/// member fastest: component i of member m at i · Members + m.
/// </summary>
public sealed record EnsembleProblem
{
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

    public IEnsembleModel Model { get; }
    public double[] InitialStates { get; }
    public int Members { get; }
    public int Dimension => Model.Dimension;

    /// <summary>A problem whose member count is the model's (per-member parameters) or given.</summary>
    public static EnsembleProblem Create(IEnsembleModel model, double[] initialStates) =>
        new(model, initialStates, model.Members ?? (int)(initialStates.LongLength / Math.Max(1, model.Dimension)));
}
