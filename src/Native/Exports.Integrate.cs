using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>fa_tanh_integrate_f64 / _f32: RK4 integration of a TanhRnn ensemble (see the header for the layout).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TanhIntegrate(nint context, int dtype, int n, int members,
        void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0, long x0Length,
        double dt, long steps, int recordEvery,
        void* trajectory, long trajectoryLength, void* finalStates, long finalLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        try
        {
            ErrorReport.Clear(error, capacity);
            using var lease = ContextTable.Enter(context);
            var type = ElementTypes.Check(dtype);
            var model = TanhArguments.Check(n, members, w, wLength, b, bLength, tau, tauLength, x0, x0Length);
            StepCounts.Check(steps, "steps");
            NativeArrays.Count(recordEvery, "record_every", minimum: 0);
            var solver = new Rk4(dt);
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
            var inputs = model.Read(type);

            var solution = lease.Engine.Integrate(inputs.Problem, solver, steps,
                recordEvery > 0 ? SaveAt.EveryNthStep(recordEvery) : SaveAt.Final,
                new IntegrateOptions { Precision = type.Precision() });

            NativeArrays.Write(solution.FinalStates, finalStates, type);
            if (recordEvery > 0)
                NativeArrays.Write(solution.Trajectory, trajectory, type);
            for (int m = 0; m < members; m++)
                status[m] = (int)solution.Status[m];
            return (int)ErrorCode.Ok;
        }
        catch (Exception e)
        {
            return ErrorReport.Report(e, error, capacity);
        }
    }
}
