using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>fa_tanh_gradient_f64 / _f32: the terminal loss ½|x(T) − y|² and its exact gradients dL/dx0, dL/dW.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int TanhGradient(nint context, int dtype, int n, int members,
        void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0, long x0Length,
        double dt, long steps, void* target, long targetLength,
        void* loss, long lossLength, void* gradX0, long gradX0Length, void* gradW, long gradWLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        try
        {
            ErrorReport.Clear(error, capacity);
            using var lease = ContextTable.Enter(context);
            var type = ElementTypes.Check(dtype);
            var model = TanhArguments.Check(n, members, w, wLength, b, bLength, tau, tauLength, x0, x0Length);
            StepCounts.Check(steps, "steps");
            var solver = new Rk4(dt);
            NativeArrays.Length(targetLength, "target");
            long state = model.State;
            if (targetLength != n && targetLength != state)
                throw new ArgumentException(
                    $"target_len: expected n = {n} (one target for all members) or n·members = {state}, got {targetLength}.", "target_len");
            NativeArrays.RequirePointer(target, "target");
            // dL/dW is per member even for a shared W.
            long gradients = ElementCounts.Product("members", "grad_w needs n·n·members", n, n, members);
            NativeArrays.CheckOutput(loss, lossLength, members, "loss", "members");
            NativeArrays.CheckOutput(gradX0, gradX0Length, state, "grad_x0", $"n·members = {n}·{members}");
            NativeArrays.CheckOutput(gradW, gradWLength, gradients, "grad_w", $"n·n·members = {n}·{n}·{members}");
            NativeArrays.CheckOutput(status, statusLength, members, "status", "members");
            var inputs = model.Read(type);
            var targets = NativeArrays.Read(target, targetLength, type, "target");

            var result = lease.Engine.Gradient(inputs.Problem, solver, steps, Loss.Terminal(targets, n),
                new GradientOptions { Precision = type.Precision() });

            NativeArrays.Write(result.Loss, loss, type);
            NativeArrays.Write(result.InitialStates, gradX0, type);
            NativeArrays.Write(result.Parameter("W").Values, gradW, type);
            for (int m = 0; m < members; m++)
                status[m] = (int)result.Status[m];
            return (int)ErrorCode.Ok;
        }
        catch (Exception e)
        {
            return ErrorReport.Report(e, error, capacity);
        }
    }
}
