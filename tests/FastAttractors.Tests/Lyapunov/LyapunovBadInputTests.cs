using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>Bad Lyapunov requests fail before any work with an error naming the argument and the bad value.</summary>
public class LyapunovBadInputTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.Float64();

    private static readonly EnsembleProblem Rnn = new(TanhRnn.Random(3, 1.5, 1.0, 2, 1), InitialStates.Normal(3, 2, 1, 2), 2);

    public static TheoryData<string, LyapunovOptions, string[]> BadOptions() => new()
    {
        { "k > n", new LyapunovOptions { Exponents = 4 }, ["Exponents", "n = 3", "4"] },
        { "k < 1", new LyapunovOptions { Exponents = 0 }, ["Exponents", "got 0"] },
        { "every < 1", new LyapunovOptions { Every = 0 }, ["Every", "got 0"] },
        { "negative transient", new LyapunovOptions { Transient = -1 }, ["Transient", "-1"] },
        { "NaN transient", new LyapunovOptions { Transient = double.NaN }, ["Transient", "NaN"] },
        { "infinite transient", new LyapunovOptions { Transient = double.PositiveInfinity }, ["Transient", "Infinity"] },
        { "NaN duration", new LyapunovOptions { Duration = double.NaN }, ["Duration", "NaN"] },
        { "infinite duration", new LyapunovOptions { Duration = double.PositiveInfinity }, ["Duration", "Infinity"] },
        { "zero duration", new LyapunovOptions { Duration = 0 }, ["Duration", "got 0"] },
        { "duration shorter than Blocks intervals", new LyapunovOptions { Duration = 0.9, Every = 10, Blocks = 10 }, ["Duration 0.9", "Blocks = 10", "Every = 10"] },
        { "blocks < 10", new LyapunovOptions { Blocks = 9 }, ["Blocks", "got 9"] },
        { "zero tolerance", new LyapunovOptions { Tolerance = 0 }, ["Tolerance", "got 0"] },
        { "negative tolerance", new LyapunovOptions { Tolerance = -0.5 }, ["Tolerance", "-0.5"] },
        { "NaN tolerance", new LyapunovOptions { Tolerance = double.NaN }, ["Tolerance", "NaN"] },
        { "unknown precision", new LyapunovOptions { Precision = (Precision)7 }, ["precision", "7"] },
        { "chunk < 1", new LyapunovOptions { ChunkMembers = 0 }, ["ChunkMembers", "got 0"] },
    };

    /// <remarks>Duration 0.9 at dt 0.01 and Every 10 is 9 QR intervals of 0.1, one short of the 10 blocks.</remarks>
    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_with_the_argument_and_value(string what, LyapunovOptions options, string[] mentions)
    {
        foreach (var row in Backends())
        {
            var engine = EngineCache.Get((Backend)row[0]);
            var e = Assert.ThrowsAny<ArgumentException>(() => engine.Lyapunov(Rnn, new Rk4(0.01), options));
            Assert.Equal("options", e.ParamName);
            foreach (var text in mentions)
                Assert.True(e.Message.Contains(text, StringComparison.Ordinal), $"{what}: '{e.Message}' does not mention '{text}'");
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Solver_and_model_kind_must_match(Backend backend)
    {
        var engine = EngineCache.Get(backend);
        var flowWithMap = Assert.Throws<ArgumentException>(() => engine.Lyapunov(Rnn, MapIteration.Instance));
        Assert.Equal("solver", flowWithMap.ParamName);
        Assert.Contains("TanhRnn", flowWithMap.Message);
        Assert.Contains("Rk4(dt)", flowWithMap.Message);
        var mapWithRk4 = Assert.Throws<ArgumentException>(() => engine.Lyapunov(new EnsembleProblem(new Henon(), [0, 0], 1), new Rk4(0.01)));
        Assert.Equal("solver", mapWithRk4.ParamName);
        Assert.Contains("MapIteration", mapWithRk4.Message);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Null_arguments_are_refused(Backend backend)
    {
        var engine = EngineCache.Get(backend);
        Assert.Equal("problem", Assert.Throws<ArgumentNullException>(() => engine.Lyapunov(null!, new Rk4(0.01))).ParamName);
        Assert.Equal("solver", Assert.Throws<ArgumentNullException>(() => engine.Lyapunov(Rnn, null!)).ParamName);
    }

    /// <summary>Non-finite parameters never reach an estimator: the parameter blocks refuse them, naming the parameter, value and index.</summary>
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_parameters_are_refused(double bad, string shown)
    {
        var shared = Assert.Throws<ArgumentException>(() => ParameterBlock.Shared("W", [1, 0, bad, 1]));
        Assert.Equal("W", shared.ParamName);
        Assert.Contains($"parameter 'W': value {shown} at index 2 is not finite", shared.Message);
        var perMember = Assert.Throws<ArgumentException>(() => ParameterBlock.PerMemberRows("A", [[1.0], [bad]]));
        Assert.Contains($"parameter 'A': value {shown} at index 1 is not finite", perMember.Message);
        Assert.Throws<ArgumentException>(() => new Henon(bad, 0.3));
    }

    [Fact]
    public void Non_positive_tau_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TanhRnn.Random(3, 1.0, 1.0, null, 1, tau: 0));
        Assert.Contains("'tau' must be positive, got 0", e.Message);
    }
}
