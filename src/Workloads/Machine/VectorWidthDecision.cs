namespace FastAttractors.Bench.Machine;

/// <summary>What to do about Vector&lt;T&gt;'s width at start-up, and why (printed by devices and bench).</summary>
/// <param name="RelaunchBits">the width to relaunch the process with, or null to go on as it is.</param>
internal sealed record VectorWidthDecision(int? RelaunchBits, string Reason)
{
    public bool Relaunch => RelaunchBits is not null;
}
