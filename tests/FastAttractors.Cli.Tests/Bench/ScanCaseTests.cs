using FastAttractors.Bench;
using FastAttractors.Cli.Bench;
using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Scan;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

/// <summary>W4 in <c>fastattractors bench</c>: the rotation-block flow scan through the scan's own plan and chunk runner.</summary>
public class ScanCaseTests
{
    [Fact]
    public void W4_is_a_workload_the_flags_name()
    {
        Assert.Equal(["W4", "W1"], BenchCases.Parse("w4,W1", "--workloads").Select(c => c.Id));
        Assert.Contains(BenchCases.W4, BenchCommand.Settings("small", null, null).Cases);
        var e = Assert.Throws<UsageException>(() => BenchCases.Parse("W6", "--workloads"));
        Assert.Contains("valid: W1, W2, W3, W4, W5, W7, W7R", e.Message);
    }

    [Fact]
    public void Sizes_are_the_specs_grids_with_subsamples_on_the_slow_paths()
    {
        var w4 = BenchCases.W4;

        Assert.Equal(new BenchScale(32 * 32, 32 * 32), w4.Scale(Backend.Simd, BenchSize.Small));
        Assert.Equal(new BenchScale(32 * 32, 64), w4.Scale(Backend.Reference, BenchSize.Small));
        Assert.Equal(new BenchScale(128 * 128, 128 * 128), w4.Scale(Backend.Simd, BenchSize.Full));
        Assert.Equal(new BenchScale(1024 * 1024, 1024 * 1024), w4.Scale(Backend.Cuda, BenchSize.Full));
        var full = ScanCase.Plan(BenchSize.Full, 128);
        Assert.Equal((500.0, 1000.0, 0.05, 2), (full.Spec.Transient, full.Spec.Duration, full.Spec.Dt, full.Spec.Every));
        Assert.Equal(30_000, ScanCase.StepsPerRow(full));
        Assert.Equal(1500, ScanCase.StepsPerRow(ScanCase.Plan(BenchSize.Small, 32)));
        Assert.Equal("float32", full.Spec.Precision);
    }

    [Fact]
    public void Subsamples_are_distinct_nested_and_spread_over_both_axes()
    {
        var rows = ScanCase.Subsample(32, 64);

        Assert.Equal(64, rows.Distinct().Count());
        Assert.All(rows, r => Assert.InRange(r, 0, 32 * 32 - 1));
        // Every subsample (and the cross-check's 8 rows) starts with the same points.
        Assert.Equal(ScanCase.Subsample(32, 8), rows[..8]);
        // Spread: the 8 checked points fall in 8 different α rows and θ columns; a prefix of the rows would be one α.
        var check = ScanCase.Subsample(32, 8);
        Assert.Equal(8, check.Select(r => r / 32).Distinct().Count());
        Assert.Equal(8, check.Select(r => r % 32).Distinct().Count());
        // The checked points straddle the boundary α cos θ = 1: stable foci and points past it (cycles, fixed points).
        var plan = ScanCase.Plan(BenchSize.Small, 32);
        var stable = check.Select(r => plan.Grid.Coordinates(r)).Select(c => c[0] * Math.Cos(c[1]) < 1).ToList();
        Assert.Contains(true, stable);
        Assert.Contains(false, stable);
        // Every cell is reachable: asking for the whole grid gives it.
        Assert.Equal(Enumerable.Range(0, 16).Select(r => (long)r), ScanCase.Subsample(4, 16).Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => ScanCase.Subsample(4, 17));
    }

    [Fact]
    public void Any_rows_run_as_one_ensemble_equal_those_rows_of_their_chunks()
    {
        // A 4 × 4 grid in chunks of 8 rows over 3 time units on Reference: RunRows of rows drawn from both chunks, in
        // another order, gives bit for bit what Run(chunk) gives for them (a row is a pure function of spec and index).
        var plan = ScanJob.Create(ScanSpecReader.ReadDefault().Overlay(new ScanSpec
        {
            Axes = [ScanAxis.Linspace("alpha", 0, 3, 4), ScanAxis.Linspace("theta", 0, Math.PI, 4)],
            Transient = 1, Duration = 2, Chunk = 8,
        }));
        using var engine = Engine.Create(Backend.Reference);
        var chunks = new[] { ScanTables.Of(engine.ScanRows(plan.Grid, 0, 8)), ScanTables.Of(engine.ScanRows(plan.Grid, 8, 16)) };
        long[] rows = [13, 2, 7, 9];

        var picked = ScanTables.Of(engine.ScanRows(plan.Grid, rows));

        Assert.Equal(rows, picked.RowIndex);
        Assert.Equal(rows.Select(r => r % 16), (long[])picked["point"]);
        foreach (var column in new[] { "alpha", "theta", "seed", "lambda_1", "lambda_2", "se_1", "kaplan_yorke" })
        {
            for (int j = 0; j < rows.Length; j++)
            {
                var chunk = chunks[rows[j] / 8];
                Assert.Equal(chunk[column].GetValue((int)(rows[j] % 8)), picked[column].GetValue(j));
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.ScanRows(plan.Grid, [16]));
    }

    [Fact]
    public void W7_runs_a_subsample_on_IlgpuCpu_at_both_sizes()
    {
        // Its emulated barriers made 8 networks take ~30 s of a ~70 s small run; all 256 of the full size would take
        // hours (a full run was stopped after it sat in that row). Simd always runs every network.
        Assert.Equal(new BenchScale(8, 2), BenchCases.W7.Scale(Backend.IlgpuCpu, BenchSize.Small));
        Assert.Equal(new BenchScale(8, 8), BenchCases.W7.Scale(Backend.Simd, BenchSize.Small));
        Assert.Equal(new BenchScale(256, 2), BenchCases.W7.Scale(Backend.IlgpuCpu, BenchSize.Full));
        Assert.Equal(new BenchScale(256, 256), BenchCases.W7.Scale(Backend.Simd, BenchSize.Full));
        Assert.Equal(new BenchScale(256, 8), BenchCases.W7.Scale(Backend.Reference, BenchSize.Full));
    }

    [Fact]
    public void The_flop_count_is_the_derived_one()
    {
        // n = k = 2, QR every 2 steps: 4 stages × 50 + 84 (stage inputs, update) + 14 (QR / 2) = 298 flops, 16 tanh/exp + 1 log.
        var f = FlopCount.TanhOfLinearLyapunov(2, 2, 2);

        Assert.Equal((298.0, 17.0), (f.Arithmetic, f.TanhCalls));
        Assert.Equal(298 + 17 * FlopCount.FlopsPerTanh, BenchCases.W4.FlopsPerUnit);
    }

    [Fact]
    public void A_small_run_agrees_with_Reference_and_a_wrong_answer_is_flagged()
    {
        // The real small size on Simd and Reference (Reference runs 64 of the 1,024 points), one timed call each: ~1 s.
        var settings = new BenchSettings(BenchSize.Small, [BenchCases.W4, new SkewedCase(BenchCases.W4, Backend.Simd, 1e-2)],
            [Backend.Simd, Backend.Reference], Runs: 1);
        using var runner = new BenchRunner(settings, new StringWriter());

        var rows = runner.Run();

        var (simd, reference, skewed) = (rows[0], rows[1], rows[2]);
        Assert.Equal(RowStatus.Ok, simd.Status);
        Assert.Equal(8, simd.CheckedMembers);
        // float32 against float64 on non-chaotic points: measured 2.6e-6; far below the 1e-3 tolerance.
        Assert.InRange(simd.Deviation, 0, 1e-4);
        Assert.Equal(1024.0 * 1500, simd.Units);
        Assert.Equal(64.0 * 1500, reference.Units);
        Assert.True(reference.Scale.Extrapolated);
        Assert.Contains("1,500 member-steps a spectrum", simd.Note);
        Assert.Equal(RowStatus.Deviates, skewed.Status);
        Assert.InRange(skewed.Deviation, 0.9e-2, 1.1e-2);
    }
}
