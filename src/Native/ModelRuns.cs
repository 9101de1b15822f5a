namespace FastAttractors.Native;

/// <summary>
/// The bodies of integrate, Lyapunov and gradient for any built-in model, shared by the generic exports (fa_integrate_*,
/// fa_lyapunov_*, fa_gradient_*) and the fa_tanh_* ones, so both check, compute and write in one way. Each checks its
/// counts and outputs before reading the model's arrays (<see cref="ModelArguments.Read"/>) and before running.
/// </summary>
internal static unsafe class ModelRuns
{
    public static void Integrate(Engine engine, ModelArguments model, ElementType type, int method, double dt, long steps, int recordEvery,
        void* trajectory, long trajectoryLength, void* finalStates, long finalLength, int* status, long statusLength)
    {
        int n = model.N, members = model.Members;
        StepCounts.Check(steps, "steps");
        NativeArrays.Count(recordEvery, "record_every", minimum: 0);
        var solver = MethodCodes.Solver(model.Kind, method, dt);
        NativeArrays.CheckOutput(finalStates, finalLength, model.State, "final_states", $"n·members = {n}·{members}");
        NativeArrays.CheckOutput(status, statusLength, members, "status", "members");
        NativeArrays.Length(trajectoryLength, "trajectory");
        if (recordEvery > 0)
        {
            long frames = steps / recordEvery + 1;
            long values = ElementCounts.Product("record_every", "the trajectory of (steps/record_every + 1)·n·members", frames, n, members);
            NativeArrays.CheckOutput(trajectory, trajectoryLength, values, "trajectory",
                $"(steps/record_every + 1)·n·members = {frames}·{n}·{members}");
        }
        var problem = model.Read(type);

        var solution = engine.Integrate(problem, solver, steps,
            recordEvery > 0 ? SaveAt.EveryNthStep(recordEvery) : SaveAt.Final,
            new IntegrateOptions { Precision = type.Precision() });

        NativeArrays.Write(solution.FinalStates, finalStates, type);
        if (recordEvery > 0)
            NativeArrays.Write(solution.Trajectory, trajectory, type);
        for (int m = 0; m < members; m++)
            status[m] = (int)solution.Status[m];
    }

    public static void Lyapunov(Engine engine, ModelArguments model, ElementType type, int method, double dt, double transient, double duration,
        int every, int k, double* exponents, long exponentsLength, double* errors, long errorsLength, int* status, long statusLength,
        NativeLyapunovDiagnostics* diagnostics)
    {
        int n = model.N, members = model.Members;
        NativeArrays.Count(every, "every");
        if (k < 1 || k > n)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k: must be between 1 and n = {n}, got {k}.");
        var solver = MethodCodes.Solver(model.Kind, method, dt);
        StepCounts.CheckSpan(transient, solver.StepSize, "transient", positive: false);
        StepCounts.CheckSpan(duration, solver.StepSize, "duration", positive: true);
        StepCounts.CheckSpan(transient + duration, solver.StepSize, "duration", positive: true);
        long spectra = ElementCounts.Product("k", "the spectra need members·k", members, k);
        NativeArrays.CheckOutput(exponents, exponentsLength, spectra, "exponents", $"members·k = {members}·{k}");
        NativeArrays.CheckOutput(errors, errorsLength, spectra, "errors", $"members·k = {members}·{k}");
        NativeArrays.CheckOutput(status, statusLength, members, "status", "members");
        if (diagnostics != null)
            CheckDiagnostics(*diagnostics, members);
        var problem = model.Read(type);

        var result = engine.Lyapunov(problem, solver, new LyapunovOptions
        {
            Transient = transient,
            Duration = duration,
            Every = every,
            Exponents = k,
            Precision = type.Precision(),
        });

        NativeArrays.WriteDoubles(result.Exponents, exponents);
        NativeArrays.WriteDoubles(result.StandardErrors, errors);
        for (int m = 0; m < members; m++)
            status[m] = (int)result.Status[m];
        if (diagnostics != null)
            WriteDiagnostics(result, diagnostics);
    }

    private static void CheckDiagnostics(NativeLyapunovDiagnostics d, int members)
    {
        CheckOptional(d.SumRuleResidual, d.SumRuleResidualLength, members, "diagnostics.sum_rule_residual");
        CheckOptional(d.Contraction, d.ContractionLength, members, "diagnostics.contraction");
        CheckOptional(d.KaplanYorke, d.KaplanYorkeLength, members, "diagnostics.kaplan_yorke");
        CheckOptional(d.PositiveSum, d.PositiveSumLength, members, "diagnostics.positive_sum");
        CheckOptional(d.FailedStep, d.FailedStepLength, members, "diagnostics.failed_step");
    }

    private static void WriteDiagnostics(LyapunovSpectra result, NativeLyapunovDiagnostics* d)
    {
        if (d->SumRuleResidual != null)
            NativeArrays.WriteDoubles(result.SumRuleResidual, d->SumRuleResidual);
        if (d->Contraction != null)
            NativeArrays.WriteDoubles(result.Contraction, d->Contraction);
        if (d->KaplanYorke != null)
            NativeArrays.WriteDoubles(result.KaplanYorkeDimension, d->KaplanYorke);
        if (d->PositiveSum != null)
            NativeArrays.WriteDoubles(result.PositiveSum, d->PositiveSum);
        if (d->FailedStep != null)
            result.FailedStep.CopyTo(new Span<long>(d->FailedStep, result.Members));
        d->TransientTime = result.TransientTime;
        d->AccumulationTime = result.AccumulationTime;
        d->Blocks = result.Blocks;
    }

    /// <summary>
    /// The terminal loss ½|x(T) − y|² and its gradients. <paramref name="grads"/> names the parameter-gradient outputs
    /// with <paramref name="gradPrefix"/> ("grads." generic, "grad_" for fa_tanh_gradient_*); <paramref name="requireW"/>
    /// makes the w slot mandatory (fa_tanh_gradient_* has always written dL/dW).
    /// </summary>
    public static void Gradient(Engine engine, ModelArguments model, ElementType type, int method, double dt, long steps,
        void* target, long targetLength, void* loss, long lossLength, void* gradX0, long gradX0Length,
        NativeParameterArrays grads, string gradPrefix, bool requireW, int* status, long statusLength)
    {
        int n = model.N, members = model.Members;
        StepCounts.Check(steps, "steps");
        var solver = MethodCodes.Solver(model.Kind, method, dt);
        MethodCodes.RequireSupported(method, engine.Backend, SolverCapability.Gradient);
        NativeArrays.Length(targetLength, "target");
        long state = model.State;
        if (targetLength != n && targetLength != state)
            throw new ArgumentException(
                $"target_len: expected n = {n} (one target for all members) or n·members = {state}, got {targetLength}.", "target_len");
        NativeArrays.RequirePointer(target, "target");
        NativeArrays.CheckOutput(loss, lossLength, members, "loss", "members");
        NativeArrays.CheckOutput(gradX0, gradX0Length, state, "grad_x0", $"n·members = {n}·{members}");
        var slots = GradientSlots(model.Kind, grads, n, gradPrefix);
        foreach (var slot in slots)
            slot.Check(model.Prefix + "members", members, requireW && slot.Slot == "w");
        NativeArrays.CheckOutput(status, statusLength, members, "status", "members");
        var problem = model.Read(type);
        var targets = NativeArrays.Read(target, targetLength, type, "target");

        var result = engine.Gradient(problem, solver, steps, Loss.Terminal(targets, n), new GradientOptions { Precision = type.Precision() });

        NativeArrays.Write(result.Loss, loss, type);
        NativeArrays.Write(result.InitialStates, gradX0, type);
        foreach (var slot in slots)
        {
            if (slot.Pointer != 0)
                NativeArrays.Write(result.Parameter(slot.Block!).Values, (void*)slot.Pointer, type);
        }
        for (int m = 0; m < members; m++)
            status[m] = (int)result.Status[m];
    }

    /// <summary>
    /// One output slot of fa_parameter_gradients: the engine block it receives (null: the model has none) and its
    /// length per member as named factors (e.g. "n·n" = n, n), multiplied exactly with members.
    /// </summary>
    private readonly record struct GradientSlot(string Slot, string Name, string? Block, string Factors, long[] Values, string Model, nint Pointer, long Given)
    {
        public void Check(string membersName, int members, bool required)
        {
            if (Block is null)
            {
                ParameterArrays.Absent(Name, (void*)Pointer, Given, Model, $"gradient for {Slot} (no such differentiable parameter)");
                return;
            }
            if (!required && Pointer == 0 && Given == 0)
                return;
            long[] all = [.. Values, members];
            string what = $"{Factors}members";
            long expected = ElementCounts.Product(membersName, $"{Name} needs {what}", all);
            NativeArrays.CheckOutput((void*)Pointer, Given, expected, Name, $"{what} = {string.Join("·", all)}");
        }
    }

    private static GradientSlot[] GradientSlots(ModelKind kind, NativeParameterArrays g, int n, string prefix)
    {
        // Rössler's coefficients are constants of its field: the engine differentiates nothing but x0 there.
        string? coefficients = kind.PerMemberCoefficients ? kind.Coefficients : null;
        int c = kind.Defaults.Length;
        return
        [
            new("w", prefix + "w", kind.Matrix, "n·n·", [n, n], kind.Name, (nint)g.W, g.WLength),
            new("b", prefix + "b", kind.Bias ? "b" : null, "n·", [n], kind.Name, (nint)g.B, g.BLength),
            new("tau", prefix + "tau", kind.Tau ? "tau" : null, "", [], kind.Name, (nint)g.Tau, g.TauLength),
            new("coefficients", prefix + "coefficients", coefficients, $"{c}·", [c], kind.Name, (nint)g.Coefficients, g.CoefficientsLength),
        ];
    }

    private static void CheckOptional(void* pointer, long length, long expected, string name)
    {
        if (pointer == null && length == 0)
            return;
        NativeArrays.CheckOutput(pointer, length, expected, name, "members");
    }
}
