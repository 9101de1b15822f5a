using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// native/tests/hostile_sizes.c (run inside the bad_input program) passes 0, negative, 2^31, 2^53 + 1, 2^62,
/// INT64_MAX and INT64_MIN sizes, products of counts that wrap in int64 or exceed one array, and NULL pointers with
/// nonzero lengths to every function, with small buffers: each case must be FA_ERR_INVALID_ARGUMENT with a message
/// that starts with the argument its name gives ("hostile.&lt;argument&gt;.&lt;what&gt;"), and the program must get through
/// all of them (a size that slipped through would read past a buffer).
/// </summary>
public sealed class HostileSizeTests
{
    private const int InvalidArgument = 1;

    private static IEnumerable<(string Name, string Argument, int Code, string Message)> HostileCases() =>
        BadInputTests.Output.Value.Cases
            .Where(c => c.Key.StartsWith("hostile.", StringComparison.Ordinal))
            .Select(c => (c.Key, Argument(c.Key), c.Value.Code, c.Value.Message));

    /// <summary>"hostile.&lt;argument&gt;.&lt;what&gt;": the argument may itself hold dots ("model.w_len", "grads.b_len"), the what does not.</summary>
    private static string Argument(string name) => name[(name.IndexOf('.') + 1)..name.LastIndexOf('.')];

    [Fact]
    public void EveryHostileSizeIsAnInvalidArgumentNamedFirstInTheMessage()
    {
        var (run, cases) = BadInputTests.Output.Value;
        Assert.True(cases.ContainsKey("done"), run.Describe());
        var hostile = HostileCases().ToList();
        Assert.True(hostile.Count >= 120, $"only {hostile.Count} hostile cases ran:\n{run.Describe()}");
        Assert.All(hostile, c =>
        {
            Assert.True(c.Code == InvalidArgument, $"{c.Name}: status {c.Code}, message {c.Message}");
            Assert.StartsWith(c.Argument + ":", c.Message, StringComparison.Ordinal);
        });
        // The context still works after all of them.
        Assert.Equal((0, ""), cases["good_call_after_hostile_sizes"]);
    }

    public static TheoryData<string, string> Regressions => new()
    {
        // n·n·members wrapped to 0 in int64 and the message blamed w_len with "expected … = 0".
        { "hostile.n.2p30_members_16", "n: a shared W needs n·n = 1073741824·1073741824 = 1152921504606846976 elements, more than one array can hold (2147483591)" },
        { "hostile.n.f32_2p30_members_16", "n: a shared W needs n·n = 1073741824·1073741824" },
        // w_len = 2^60 with n = 2^30 was FA_ERR_INTERNAL (OverflowException from new double[2^60]).
        { "hostile.n.2p30_w_len_2p60", "n: a shared W needs n·n" },
        { "hostile.w_len.2p60", "w_len: expected 4 (shared) or 4·members = 12 (per member), got 1152921504606846976" },
        // steps = INT64_MAX was FA_ERR_INTERNAL (an OverflowException in the adjoint's checkpoint count), and with
        // record_every = 1 the frame count wrapped to INT64_MIN in the trajectory_len message.
        { "hostile.steps.gradient_int64_max", "steps: must be between 1 and 2^53 = 9007199254740992, got 9223372036854775807" },
        { "hostile.steps.int64_max_recording", "steps: must be between 1 and 2^53 = 9007199254740992, got 9223372036854775807" },
        { "hostile.steps.f32_int64_max", "steps: must be between 1 and 2^53" },
        // transient = 1e300 returned FA_OK: the interval count saturated and wrapped, and nothing was computed.
        { "hostile.transient.1e300", "transient: 1E+300 time units at dt = 0.1 are 1E+301 steps, more than 2^53" },
        { "hostile.record_every.trajectory_above_one_array", "record_every: the trajectory of (steps/record_every + 1)·n·members = 9007199254740993·2·3" },
        { "hostile.members.gradient_grad_w_above_one_array", "members: grad_w needs n·n·members = 46340·46340·2 = 4294791200 elements" },
        // The generic model functions: the same checks under the fa_model field names.
        { "hostile.model.n.2p30_members_16", "model.n: a shared W needs n·n = 1073741824·1073741824" },
        { "hostile.model.members.int32_max_states_above_one_array", "model.members: the states need n·members = 3·2147483647" },
        { "hostile.model.members.grads_w_above_one_array", "model.members: grads.w needs n·n·members = 46340·46340·2 = 4294791200 elements" },
        { "hostile.model.coefficients_len.2p62", "model.coefficients_len: expected 3 (shared) or 3·members = 9 (per member), got 4611686018427387904" },
        { "hostile.duration.map_above_2p53_iterations", "duration: 1E+17 time units at dt = 1 are 1E+17 steps, more than 2^53" },
        { "hostile.networks.product_wraps_int64", "networks: the patterns need networks·length·visible = 2147483647·2147483647·2147483647 = 9903520300447984150353281023 elements" },
        { "hostile.trials.int32_max_above_one_array", "trials: success needs networks·trials = 1·2147483647 = 2147483647 elements" },
    };

    [Theory]
    [MemberData(nameof(Regressions))]
    public void WrappingOrHugeSizeIsRefusedNamingTheArgument(string name, string message)
    {
        var (run, cases) = BadInputTests.Output.Value;
        Assert.True(cases.ContainsKey(name), $"case {name} did not run:\n{run.Describe()}");
        Assert.Equal(InvalidArgument, cases[name].Code);
        Assert.Contains(message, cases[name].Message, StringComparison.Ordinal);
    }
}
