using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>Each task generator produces what its specification says, reproducibly, and rejects bad parameters naming them.</summary>
public class TaskGeneratorTests
{
    private const long Seed = 21;

    private static int Token(TaskBatch b, int t, int s)
    {
        int found = -1, ones = 0;
        for (int j = 0; j < b.InputDim; j++)
        {
            if (b.Input(t, s, j) == 1f)
            {
                found = j;
                ones++;
            }
            else
                Assert.Equal(0f, b.Input(t, s, j));
        }
        Assert.True(ones == 1, $"step {t} of sequence {s} is not one-hot");
        return found;
    }

    [Fact]
    public void Copy_memory_recalls_the_ten_symbols_after_the_start_token()
    {
        var task = new CopyMemoryTask(delay: 30);
        Assert.Equal(50, task.Steps);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Train, 0, 40);
        var seen = new HashSet<int>();
        for (int s = 0; s < batch.Size; s++)
        {
            for (int t = 0; t < 10; t++)
            {
                int symbol = Token(batch, t, s);
                Assert.InRange(symbol, 0, 7);
                seen.Add(symbol);
                Assert.Equal(symbol, batch.Labels[(40 + t) * batch.Size + s]);
            }
            for (int t = 10; t < 50; t++)
                Assert.Equal(t == 40 ? CopyMemoryTask.Start : CopyMemoryTask.Blank, Token(batch, t, s));
            for (int t = 0; t < 40; t++)
                Assert.False(batch.Scored[t * batch.Size + s]);
        }
        Assert.Equal(8, seen.Count);
        Assert.Equal(400, batch.ScoredCount);
    }

    [Fact]
    public void Random_delay_copy_memory_draws_delays_in_range_and_recalls_after_its_own_start()
    {
        var task = new CopyMemoryTask(100, 120);
        Assert.Equal(140, task.Steps);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Test, 0, 300);
        var delays = new HashSet<int>();
        for (int s = 0; s < batch.Size; s++)
        {
            int k = task.DelayOf(Seed, TaskSplit.Test, s);
            delays.Add(k);
            Assert.InRange(k, 100, 120);
            Assert.Equal(CopyMemoryTask.Start, Token(batch, 10 + k, s));
            for (int i = 0; i < 10; i++)
                Assert.Equal(Token(batch, i, s), batch.Labels[(10 + k + i) * batch.Size + s]);
        }
        Assert.Contains(100, delays);
        Assert.Contains(120, delays);
        Assert.True(delays.Count > 15);
    }

    [Fact]
    public void A_sequence_does_not_depend_on_its_batch_and_the_splits_differ()
    {
        var task = new CopyMemoryTask(5);
        var alone = TaskBatches.Create(task, Seed, TaskSplit.Train, [7]);
        var among = TaskBatches.Create(task, Seed, TaskSplit.Train, [3, 9, 7]);
        var test = TaskBatches.Create(task, Seed, TaskSplit.Test, [7]);
        var other = TaskBatches.Create(task, Seed + 1, TaskSplit.Train, [7]);
        for (int t = 0; t < task.Steps; t++)
        {
            Assert.Equal(Token(alone, t, 0), Token(among, t, 2));
            Assert.Equal(alone.Labels[t], among.Labels[t * 3 + 2]);
        }
        Assert.NotEqual(Enumerable.Range(0, 10).Select(t => Token(alone, t, 0)), Enumerable.Range(0, 10).Select(t => Token(test, t, 0)));
        Assert.NotEqual(Enumerable.Range(0, 10).Select(t => Token(alone, t, 0)), Enumerable.Range(0, 10).Select(t => Token(other, t, 0)));
    }

    [Fact]
    public void Temporal_ordering_labels_the_order_of_the_two_relevant_symbols()
    {
        var task = new TemporalOrderingTask(50, 60);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Train, 0, 100);
        var labels = new int[4];
        for (int s = 0; s < batch.Size; s++)
        {
            var (first, second, query, label) = task.Layout(Seed, TaskSplit.Train, s);
            Assert.InRange(first, 0, 9);
            Assert.InRange(second - first, 10, 20);
            Assert.InRange(query - second, 50, 60);
            var relevant = Enumerable.Range(0, task.Steps).Where(t => Token(batch, t, s) is 4 or 5).ToArray();
            Assert.Equal([first, second], relevant);
            int order = 2 * (Token(batch, first, s) - 4) + Token(batch, second, s) - 4;
            Assert.Equal(order, label);
            Assert.Equal(label, batch.Labels[query * batch.Size + s]);
            Assert.Equal(TemporalOrderingTask.Query, Token(batch, query, s));
            for (int t = 0; t < task.Steps; t++)
            {
                Assert.Equal(t == query, batch.Scored[t * batch.Size + s]);
                if (t != first && t != second && t < query)
                    Assert.InRange(Token(batch, t, s), 0, 3);
                if (t > query)
                    Assert.Equal(TemporalOrderingTask.Pad, Token(batch, t, s));
            }
            labels[label]++;
        }
        Assert.All(labels, count => Assert.True(count > 10, $"class counts {string.Join(",", labels)}"));
    }

    [Fact]
    public void Flip_flop_outputs_hold_the_sign_of_the_last_pulse()
    {
        var task = new FlipFlopTask(steps: 200, pulseProbability: 0.05);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Train, 0, 20);
        int pulses = 0, chances = 0;
        for (int s = 0; s < batch.Size; s++)
        {
            var held = new float[3];
            for (int t = 0; t < task.Steps; t++)
            {
                for (int k = 0; k < 3; k++)
                {
                    float u = batch.Input(t, s, k);
                    Assert.Contains(u, new[] { -1f, 0f, 1f });
                    if (t == 0)
                        Assert.NotEqual(0f, u);
                    else
                    {
                        chances++;
                        pulses += u != 0 ? 1 : 0;
                    }
                    if (u != 0)
                        held[k] = u;
                    Assert.Equal(held[k], batch.Target(t, s)[k]);
                }
                Assert.True(batch.Scored[t * batch.Size + s]);
            }
        }
        // Pulses after step 0 are Bernoulli(0.05): within 5 standard deviations of the mean.
        double mean = 0.05 * chances, sd = Math.Sqrt(chances * 0.05 * 0.95);
        Assert.InRange(pulses, mean - 5 * sd, mean + 5 * sd);
    }

    [Fact]
    public void Sine_wave_target_follows_the_cued_frequency()
    {
        var task = new SineWaveTask(steps: 60, minFrequency: 0.1, maxFrequency: 0.6);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Train, 0, 30);
        for (int s = 0; s < batch.Size; s++)
        {
            double omega = task.FrequencyOf(Seed, TaskSplit.Train, s);
            Assert.InRange(omega, 0.1, 0.6);
            for (int t = 0; t < task.Steps; t++)
            {
                Assert.Equal((float)(omega / 0.6), batch.Input(t, s, 0));
                Assert.True(Math.Abs(Math.Sin(omega * t) - batch.Target(t, s)[0]) < 1e-7);   // float32 rounding
            }
        }
    }

    /// <summary>
    /// The target is the running sum of speed · (cos φ, sin φ) · dt decoded from the inputs (an oracle independent of the
    /// generator's heading walk), headings are unit vectors, speeds lie in [0, maxSpeed], and the out-of-distribution
    /// task doubles the length with the first steps unchanged (counter-based draws).
    /// </summary>
    [Fact]
    public void Path_integration_target_is_the_integral_of_the_velocity_inputs()
    {
        var task = new PathIntegrationTask(steps: 50, maxSpeed: 2, maxTurn: 0.4, dt: 0.1);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Train, 0, 20);
        var longer = TaskBatches.Range(task.OutOfDistribution(), Seed, TaskSplit.Train, 0, 20);
        Assert.Equal(100, task.OutOfDistribution().Steps);
        for (int s = 0; s < batch.Size; s++)
        {
            double x = 0, y = 0;
            for (int t = 0; t < task.Steps; t++)
            {
                float c = batch.Input(t, s, 0), sn = batch.Input(t, s, 1), v = batch.Input(t, s, 2);
                Assert.True(Math.Abs(c * c + sn * sn - 1) < 1e-6, "heading is a unit vector");
                Assert.InRange(v, 0f, 2f);
                x += (double)v * c * 0.1;
                y += (double)v * sn * 0.1;
                // float32 targets of O(10) positions: 1e-5 absolute is a few float32 ulps.
                Assert.True(Math.Abs(batch.Target(t, s)[0] - x) < 1e-5 && Math.Abs(batch.Target(t, s)[1] - y) < 1e-5, $"sequence {s} step {t}");
                for (int j = 0; j < 3; j++)
                    Assert.Equal(batch.Input(t, s, j), longer.Input(t, s, j));
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>("maxSpeed", () => new PathIntegrationTask(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>("maxTurn", () => new PathIntegrationTask(10, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>("dt", () => new PathIntegrationTask(10, 1, 0.3, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("steps", () => new PathIntegrationTask(0));
    }

    [Fact]
    public void Delayed_discrimination_asks_whether_the_first_frequency_was_higher()
    {
        var task = new DelayedDiscriminationTask(10, 30);
        var batch = TaskBatches.Range(task, Seed, TaskSplit.Train, 0, 200);
        int higher = 0;
        for (int s = 0; s < batch.Size; s++)
        {
            var (f1, f2, delay, go) = task.Trial(Seed, TaskSplit.Train, s);
            Assert.NotEqual(f1, f2);
            Assert.Contains(f1, DelayedDiscriminationTask.Frequencies);
            Assert.Contains(f2, DelayedDiscriminationTask.Frequencies);
            Assert.InRange(delay, 10, 30);
            int second = 5 + 5 + delay;
            for (int t = 0; t < task.Steps; t++)
            {
                float expected = t is >= 5 and < 10 ? (f1 - 22) / 12f : t >= second && t < second + 5 ? (f2 - 22) / 12f : 0f;
                Assert.Equal(expected, batch.Input(t, s, 0));
                Assert.Equal(t == go ? 1f : 0f, batch.Input(t, s, 1));
                Assert.Equal(t == go, batch.Scored[t * batch.Size + s]);
            }
            Assert.Equal(f1 > f2 ? 1 : 0, batch.Labels[go * batch.Size + s]);
            higher += f1 > f2 ? 1 : 0;
        }
        Assert.InRange(higher, 60, 140);
    }

    [Fact]
    public void Out_of_range_task_parameters_are_rejected_naming_them()
    {
        Assert.Throws<ArgumentOutOfRangeException>("delay", () => new CopyMemoryTask(0));
        Assert.Throws<ArgumentOutOfRangeException>("maxDelay", () => new CopyMemoryTask(100, 99));
        Assert.Throws<ArgumentOutOfRangeException>("minDelay", () => new TemporalOrderingTask(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>("maxDelay", () => new TemporalOrderingTask(50, 40));
        Assert.Throws<ArgumentOutOfRangeException>("steps", () => new FlipFlopTask(0));
        Assert.Throws<ArgumentOutOfRangeException>("pulseProbability", () => new FlipFlopTask(10, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>("pulseProbability", () => new FlipFlopTask(10, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("minFrequency", () => new SineWaveTask(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>("maxFrequency", () => new SineWaveTask(10, 0.5, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>("maxDelay", () => new DelayedDiscriminationTask(20, 10));
    }
}
