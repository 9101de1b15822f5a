using System.Text.RegularExpressions;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// native/tests/bad_input.c feeds every bad input through the C ABI (NULL pointers, negative and inconsistent sizes,
/// unknown and destroyed contexts, two threads on one context) and prints name, status and fa_last_error per case;
/// each case here checks the code and that the message names the argument. The program runs once for all cases.
/// </summary>
public sealed partial class BadInputTests
{
    private const int Ok = 0, InvalidArgument = 1, InvalidContext = 2, Busy = 3;

    /// <summary>The program's one run, shared with <see cref="HostileSizeTests"/>.</summary>
    internal static readonly Lazy<(ChildProcess.Result Run, Dictionary<string, (int Code, string Message)> Cases)> Output = new(RunProgram);

    public static TheoryData<string, int, string> Cases => new()
    {
        { "create_null_out", InvalidArgument, "out: NULL pointer" },
        { "create_unknown_backend", InvalidArgument, "backend: unknown fa_backend 99" },
        { "backend_null_out", InvalidArgument, "backend: NULL pointer" },
        { "null_context", InvalidContext, "ctx: NULL context" },
        { "unknown_context", InvalidContext, "ctx: no live context" },
        { "destroyed_context", InvalidContext, "ctx: no live context" },
        { "destroy_twice", InvalidContext, "ctx: no live context" },
        { "null_w", InvalidArgument, "w: NULL pointer" },
        { "null_x0", InvalidArgument, "x0: NULL pointer" },
        { "null_final_states", InvalidArgument, "final_states: NULL pointer" },
        { "null_trajectory", InvalidArgument, "trajectory: NULL pointer" },
        { "null_status", InvalidArgument, "status: NULL pointer" },
        { "negative_n", InvalidArgument, "n: must be at least 1, got -1" },
        { "negative_members", InvalidArgument, "members: must be at least 1, got -3" },
        { "negative_w_len", InvalidArgument, "w_len: must not be negative, got -4" },
        { "inconsistent_w_len", InvalidArgument, "w_len: expected 4 (shared) or 4·members = 12 (per member), got 5" },
        { "inconsistent_x0_len", InvalidArgument, "x0_len: expected n·members = 2·3 = 6, got 5" },
        { "inconsistent_final_len", InvalidArgument, "final_states_len: expected n·members = 2·3 = 6, got 7" },
        { "inconsistent_trajectory_len", InvalidArgument, "trajectory_len: expected (steps/record_every + 1)·n·members = 3·2·3 = 18, got 12" },
        { "negative_steps", InvalidArgument, "steps: must be between 1 and 2^53 = 9007199254740992, got -10" },
        { "negative_record_every", InvalidArgument, "record_every: must be at least 0, got -2" },
        { "zero_dt", InvalidArgument, "dt must be positive and finite, got 0" },
        { "f32_inconsistent_w_len", InvalidArgument, "w_len: expected 4 (shared) or 4·members = 12 (per member), got 3" },
        { "inconsistent_b_len", InvalidArgument, "b_len: expected 2 (shared) or 2·members = 6 (per member), got 1" },
        { "nonpositive_tau", InvalidArgument, "'tau' must be positive, got -1" },
        { "lyapunov_k_above_n", InvalidArgument, "k: must be between 1 and n = 2, got 3" },
        { "lyapunov_null_exponents", InvalidArgument, "exponents: NULL pointer" },
        { "lyapunov_inconsistent_exponents_len", InvalidArgument, "exponents_len: expected members·k = 3·2 = 6, got 5" },
        { "gradient_inconsistent_target_len", InvalidArgument, "target_len: expected n = 2 (one target for all members) or n·members = 6, got 3" },
        { "gradient_null_grad_w", InvalidArgument, "grad_w: NULL pointer" },
        { "train_null_patterns", InvalidArgument, "patterns: NULL pointer" },
        { "train_negative_hidden", InvalidArgument, "hidden: must be at least 1, got -5" },
        { "train_pattern_not_pm1", InvalidArgument, "patterns: value 0 at network 0, pattern 1, neuron 1" },
        { "recall_flipped_above_visible", InvalidArgument, "flipped: must be between 0 and visible = 4, got 5" },
        { "recall_inconsistent_u_len", InvalidArgument, "u_len: expected networks·hidden·visible = 1·5·4 = 20, got 19" },
        // The generic model functions (native/tests/model_input.c): good calls, then each bad fa_model field or option.
        { "model_integrate_lorenz", Ok, "" },
        { "model_integrate_lorenz_defaults", Ok, "" },
        { "model_integrate_henon", Ok, "" },
        { "model_lyapunov_diagnostics", Ok, "" },
        { "model_lyapunov_blocks", Ok, "10 " },
        { "model_gradient_tanh", Ok, "" },
        { "model_gradient_no_parameter_outputs", Ok, "" },
        { "model_null_model", InvalidArgument, "model: NULL pointer" },
        { "model_unknown_kind", InvalidArgument, "model.kind: unknown fa_model_kind 42; valid: 1 FA_MODEL_TANH_RNN" },
        { "model_zero_kind", InvalidArgument, "model.kind: unknown fa_model_kind 0" },
        { "model_lorenz_wrong_n", InvalidArgument, "model.n: FA_MODEL_LORENZ has dimension 3, got 4" },
        { "model_lorenz_with_w", InvalidArgument, "model.w: FA_MODEL_LORENZ has no weight matrix; pass NULL with length 0" },
        { "model_relu_with_tau", InvalidArgument, "model.tau: FA_MODEL_RELU_RNN has no time constant" },
        { "model_rossler_per_member_coefficients", InvalidArgument, "model.coefficients_len: FA_MODEL_ROSSLER takes 3 coefficients (a, b, c) shared by all members, got 9" },
        { "model_lorenz_coefficients_len", InvalidArgument, "model.coefficients_len: expected 3 (shared) or 3·members = 9 (per member), got 4" },
        { "model_null_w", InvalidArgument, "model.w: NULL pointer" },
        { "model_inconsistent_b_len", InvalidArgument, "model.b_len: expected 3 (shared) or 3·members = 9 (per member), got 4" },
        { "model_map_dt", InvalidArgument, "dt: FA_MODEL_HENON is a map, one step is one iteration; pass dt = 1, got 0.1" },
        { "model_map_rk4", InvalidArgument, "method: FA_MODEL_HENON is a map (iterated)" },
        { "model_flow_iterate", InvalidArgument, "method: FA_METHOD_ITERATE is for maps; FA_MODEL_LORENZ is a flow" },
        { "model_unknown_method", InvalidArgument, "method: unknown fa_method 9" },
        { "model_x0_len", InvalidArgument, "x0_len: expected n·members = 3·3 = 9, got 8" },
        { "model_lyapunov_diagnostics_len", InvalidArgument, "diagnostics.kaplan_yorke_len: expected members = 3, got 2" },
        { "model_lyapunov_diagnostics_null", InvalidArgument, "diagnostics.failed_step: NULL pointer" },
        { "model_gradient_rossler_coefficients", InvalidArgument, "grads.coefficients: FA_MODEL_ROSSLER has no gradient for coefficients" },
        { "model_gradient_grad_b_len", InvalidArgument, "grads.b_len: expected n·members = 3·3 = 9, got 3" },
        { "model_gradient_lorenz_tau", InvalidArgument, "grads.tau: FA_MODEL_LORENZ has no gradient for tau" },
        // fa_degeneracy_layout / fa_degeneracy_study_full (native/tests/degeneracy_input.c): 2 widths × 2 networks with
        // "pairs": "all", 2 exponents and 2 driven ones; the good runs print what the C side checked of the numbers.
        { "degeneracy_layout", Ok, "4 6 2 2 2 2" },
        { "degeneracy_full", Ok, "slots 1 sorted 1 dsa_self 1 within_equals_old_call 1" },
        { "degeneracy_full_one_column", Ok, "same 1" },
        { "degeneracy_full_short_dsa_self", InvalidArgument, "outputs.dsa_self_len: expected networks = 4, got 3" },
        { "degeneracy_full_long_mds", InvalidArgument, "outputs.mds_len: expected networks·8 = 4·8 = 32, got 33" },
        { "degeneracy_full_null_exponents", InvalidArgument, "outputs.exponents: NULL pointer" },
        { "degeneracy_full_within_length_for_all", InvalidArgument, "outputs.second_condition_len: expected pairs = 6, got 2" },
        { "degeneracy_full_null_outputs", InvalidArgument, "outputs: NULL pointer" },
        { "degeneracy_full_null_spec", InvalidArgument, "spec_json: NULL pointer" },
        { "degeneracy_full_short_lyapunov_iterations", InvalidArgument, "lyapunovIterations: the exponents' estimator needs at least 10 QR intervals of 10 iterations" },
        { "degeneracy_layout_exponents_above_width", InvalidArgument, "exponents: at most the smallest width n = 3" },
        { "degeneracy_layout_null_within", InvalidArgument, "within_pairs: NULL pointer" },
        // fa_last_error is per thread: a failure on another thread leaves this one's message as it was.
        { "thread_local_after", InvalidContext, "ctx: NULL context" },
        // Two threads on one context: the poller and a destroy attempt get FA_ERR_BUSY, the owner's call succeeds.
        { "two_threads_busy", Busy, "ctx: the context is in use by another thread" },
        { "two_threads_destroy_busy", Busy, "ctx: the context is in use by another thread" },
        { "use_after_destroy", InvalidContext, "ctx: no live context" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputGivesItsCodeAndAMessageNamingTheArgument(string name, int code, string message)
    {
        var cases = Output.Value.Cases;
        Assert.True(cases.ContainsKey(name), $"case {name} did not run:\n{Output.Value.Run.Describe()}");
        Assert.Equal(code, cases[name].Code);
        Assert.Contains(message, cases[name].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodCallsSucceedWithAnEmptyErrorAndTheProgramFinishes()
    {
        var (run, cases) = Output.Value;
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(cases.ContainsKey("done"), run.Describe());
        foreach (var name in new[] { "create", "good_call", "train", "recall", "good_call_after_hostile_sizes", "success_clears_error", "two_threads_owner", "destroy" })
        {
            Assert.Equal((Ok, ""), cases[name]);
        }
        Assert.DoesNotContain("two_threads_unexpected", cases.Keys);
        Assert.Matches(VersionPattern(), cases["version"].Message);
        // Every message is one line (the program prints one line per case).
        Assert.All(run.Stdout.TrimEnd('\n').Split('\n'), line => Assert.Equal(3, line.Split('\t').Length));
    }

    [Fact]
    public void AnAbsentBackendIsBackendUnavailableNeverAFallback()
    {
        var (run, cases) = Output.Value;
        Assert.True(cases.ContainsKey("create_cuda"), run.Describe());
        bool present = Engine.Devices().Devices.Any(d => d.Backend == Backend.Cuda && d.Usable);
        if (present)
        {
            Assert.Equal((Ok, ""), cases["create_cuda"]);
        }
        else
        {
            Assert.Equal((int)ErrorCode.BackendUnavailable, cases["create_cuda"].Code);
            Assert.Contains("no Cuda device is present", cases["create_cuda"].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HeaderStatusCodesAreTheManagedOnes()
    {
        string header = File.ReadAllText(Path.Combine(NativeBuild.NativeDirectory, "fastattractors.h"));
        var declared = HeaderCode().Matches(header).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["value"].Value));
        var expected = new Dictionary<string, ErrorCode>
        {
            ["FA_OK"] = ErrorCode.Ok, ["FA_ERR_INVALID_ARGUMENT"] = ErrorCode.InvalidArgument, ["FA_ERR_INVALID_CONTEXT"] = ErrorCode.InvalidContext,
            ["FA_ERR_BUSY"] = ErrorCode.Busy, ["FA_ERR_BACKEND_UNAVAILABLE"] = ErrorCode.BackendUnavailable,
            ["FA_ERR_OUT_OF_MEMORY"] = ErrorCode.OutOfMemory, ["FA_ERR_RUNTIME"] = ErrorCode.Runtime, ["FA_ERR_INTERNAL"] = ErrorCode.Internal,
        };
        Assert.Equal(expected.Count, declared.Count);
        foreach (var (name, code) in expected)
            Assert.Equal((int)code, declared[name]);
        Assert.Equal(Enum.GetValues<ErrorCode>().Length, expected.Count);
    }

    private static (ChildProcess.Result, Dictionary<string, (int, string)>) RunProgram()
    {
        var run = ChildProcess.Run(Path.Combine(NativeBuild.BuildDirectory, "bad_input"), [], NativeBuild.RepositoryRoot);
        var cases = new Dictionary<string, (int, string)>();
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && int.TryParse(parts[1], out int code))
                cases[parts[0]] = (code, parts[2]);
        }
        return (run, cases);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"(?<name>FA_(?:OK|ERR_[A-Z_]+)) = (?<value>\d+)")]
    private static partial Regex HeaderCode();
}
