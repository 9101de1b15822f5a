namespace FastAttractors.Bench.Compare;

/// <summary>Options of <c>compare</c>, parsed from argv; errors list the valid values.</summary>
internal sealed record CompareOptions
{
    public SizeClass Size { get; init; } = SizeClass.Small;
    public int Runs { get; init; } = 5;
    public int PeerRuns { get; init; } = 3;
    public string? Out { get; init; }
    public IReadOnlyList<Workload> Workloads { get; init; } = Bench.Workloads.All;
    public IReadOnlyList<Backend>? Backends { get; init; }
    public bool Peers { get; init; } = true;
    public bool VectorWidthProbe { get; init; } = true;

    public const string Usage =
        "compare [--size small|gpu] [--runs N (>= 1, default 5)] [--peer-runs N (default 3)] [--out FILE.md] "
        + "[--workloads W1,W2,W3,W5] [--backends Simd,Reference,...] [--no-peers] [--no-vector-probe]";

    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CompareOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            o = args[i] switch
            {
                "--size" => o with { Size = Value() switch
                {
                    "small" => SizeClass.Small,
                    "gpu" => SizeClass.Gpu,
                    var s => throw new ArgumentException($"unknown size '{s}'; valid: small, gpu."),
                } },
                "--runs" => o with { Runs = PositiveInt(Value(), "--runs") },
                "--peer-runs" => o with { PeerRuns = PositiveInt(Value(), "--peer-runs") },
                "--out" => o with { Out = Value() },
                "--workloads" => o with { Workloads = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Bench.Workloads.Get).ToList() },
                "--backends" => o with { Backends = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => BackendNames.Parse(b, "--backends")).ToList() },
                "--no-peers" => o with { Peers = false },
                "--no-vector-probe" => o with { VectorWidthProbe = false },
                var s => throw new ArgumentException($"unknown option '{s}'. Usage: {Usage}"),
            };
        }
        return o;
    }

    private static int PositiveInt(string s, string name) =>
        int.TryParse(s, out var v) && v >= 1 ? v : throw new ArgumentException($"{name} must be an integer >= 1, got '{s}'.");
}
