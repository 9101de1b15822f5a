namespace FastAttractors;

/// <summary>
/// The result of an ensemble run: final states, the optional decimated trajectory and per-member status.
/// Arrays use the ensemble layout (component i of member m at i · Members + m; frame f starts at f · n · Members).
/// </summary>
public sealed class EnsembleSolution
{
    internal EnsembleSolution(int dimension, int members, long steps, double stepSize, int? recordEvery, Backend backend, Precision precision)
    {
        Dimension = dimension;
        Members = members;
        Steps = steps;
        StepSize = stepSize;
        RecordEvery = recordEvery;
        Backend = backend;
        Precision = precision;
        FinalStates = new double[(long)dimension * members];
        Status = new MemberStatus[members];
        FailedStep = new long[members];
        Array.Fill(FailedStep, -1);
        if (recordEvery is { } every)
        {
            long frames = steps / every + 1;
            Times = new double[frames];
            for (long f = 0; f < frames; f++)
                Times[f] = f * every * stepSize; // from the integer step counter, never t += dt
            Trajectory = new double[frames * dimension * members];
        }
    }

    /// <summary>The state dimension n.</summary>
    public int Dimension { get; }
    /// <summary>The number of members.</summary>
    public int Members { get; }
    /// <summary>The number of steps run.</summary>
    public long Steps { get; }

    /// <summary>dt for flows, 1 for maps.</summary>
    public double StepSize { get; }

    /// <summary>Steps between recorded frames, or null when only final states were saved.</summary>
    public int? RecordEvery { get; }
    /// <summary>The backend that ran the integration.</summary>
    public Backend Backend { get; }
    /// <summary>The precision the states were stepped in.</summary>
    public Precision Precision { get; }
    /// <summary>
    /// Final states, n × members (component i of member m at i·Members + m); a flagged member holds its last finite
    /// state.
    /// </summary>
    public double[] FinalStates { get; }

    /// <summary>Frames × n × members, or null when only final states were saved.</summary>
    public double[]? Trajectory { get; }

    /// <summary>Time of each trajectory frame, or null.</summary>
    public double[]? Times { get; }

    /// <summary>Per-member outcome.</summary>
    public MemberStatus[] Status { get; }

    /// <summary>
    /// The step that went non-finite for each flagged member, −1 for members that finished. A member flagged at step 0
    /// reports its initial state exactly as given (float64) in <see cref="FinalStates"/>: in float32 an initial state
    /// beyond ±3.4·10³⁸ is already ±∞ once rounded, so the rounded state is not the last finite one.
    /// </summary>
    public long[] FailedStep { get; }

    /// <summary>The number of recorded frames (0 without a trajectory).</summary>
    public int Frames => Times?.Length ?? 0;

    /// <summary>Puts back the initial state of every member whose first step failed (see <see cref="FailedStep"/>).</summary>
    internal void KeepInitialStatesOfFirstStepFailures(double[] initialStates)
    {
        for (int m = 0; m < Members; m++)
        {
            if (FailedStep[m] != 0)
                continue;
            for (int i = 0; i < Dimension; i++)
                FinalStates[(long)i * Members + m] = initialStates[(long)i * Members + m];
        }
    }

    /// <summary>Component <paramref name="component"/> of member <paramref name="member"/>'s final state.</summary>
    public double Final(int member, int component) => FinalStates[(long)component * Members + member];

    /// <summary>
    /// Component <paramref name="component"/> of member <paramref name="member"/> at recorded frame
    /// <paramref name="frame"/>; throws InvalidOperationException when no trajectory was recorded.
    /// </summary>
    public double At(int frame, int member, int component)
    {
        if (Trajectory is null)
            throw new InvalidOperationException("no trajectory was recorded (use SaveAt.EveryNthStep).");
        return Trajectory[((long)frame * Dimension + component) * Members + member];
    }

    /// <summary>Final state of one member as a vector.</summary>
    public double[] FinalState(int member)
    {
        var x = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
            x[i] = Final(member, i);
        return x;
    }
}
