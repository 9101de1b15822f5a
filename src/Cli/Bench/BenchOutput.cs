namespace FastAttractors.Cli.Bench;

/// <summary>
/// What one timed call produced: the work it did (in the workload's unit) and, for the cross-check, the values of its
/// first members (final states, exponents or learned weights), one array per member.
/// </summary>
/// <param name="Units">work done, in <see cref="BenchCase.Unit"/> (member-steps, synaptic updates).</param>
/// <param name="Check">values of members 0, 1, … compared with the Reference's.</param>
/// <param name="Note">what the reader should know about how the call ran (e.g. on another path than the engine's backend).</param>
internal sealed record BenchOutput(double Units, IReadOnlyList<double[]> Check, string Note = "");
