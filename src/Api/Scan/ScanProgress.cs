namespace FastAttractors;

/// <summary>How far <see cref="Engine.Scan(ScanPlan, IProgress{ScanProgress}?, CancellationToken)"/> has got, reported after each chunk.</summary>
/// <param name="RowsDone">Rows computed so far.</param>
/// <param name="Rows">Rows of the whole scan.</param>
public readonly record struct ScanProgress(long RowsDone, long Rows);
