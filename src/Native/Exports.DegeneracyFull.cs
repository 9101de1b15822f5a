using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FastAttractors.Degeneracy;
using FastAttractors.Training;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>
    /// fa_degeneracy_layout: parses and validates a degeneracy spec for fa_degeneracy_study_full and writes the lengths
    /// its outputs take (<see cref="DegeneracyLayout"/>): networks, all pair slots (within-condition slots first, then
    /// with "pairs": "all" the cross-condition ones), the within-condition slots, the conditions, and the exponents k and
    /// driven exponents per network. Trains nothing.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int DegeneracyLayout(byte* specJson, long* networks, long* pairs, long* withinPairs, int* conditions,
        int* exponents, int* drivenExponents, byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () =>
        {
            NativeArrays.RequirePointer(networks, "networks");
            NativeArrays.RequirePointer(pairs, "pairs");
            NativeArrays.RequirePointer(withinPairs, "within_pairs");
            NativeArrays.RequirePointer(conditions, "conditions");
            NativeArrays.RequirePointer(exponents, "exponents");
            NativeArrays.RequirePointer(drivenExponents, "driven_exponents");
            var layout = DegeneracyArguments.Layout(DegeneracyArguments.Spec(specJson));
            *networks = layout.Networks;
            *pairs = layout.Pairs;
            *withinPairs = layout.WithinPairs;
            *conditions = layout.Conditions;
            *exponents = layout.Exponents;
            *drivenExponents = layout.DrivenExponents;
        });
    }

    /// <summary>
    /// fa_degeneracy_study_full: runs <see cref="DegeneracyStudy.Run"/> on any spec the CLI's degeneracy accepts (no
    /// checkpoints), with the autonomous Lyapunov exponents on the context's engine (<see cref="DegeneracyExponents"/>),
    /// and writes every numeric column of the CLI's networks and pairs tables into the caller's
    /// fa_degeneracy_outputs (<see cref="DegeneracyOutputs"/>). Every column is checked before anything is trained.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int DegeneracyStudyFull(nint context, byte* specJson, nint outputs, byte* error, int capacity)
    {
        return ErrorReport.Run(context, error, capacity, engine =>
        {
            var spec = DegeneracyArguments.Spec(specJson);
            var layout = DegeneracyArguments.Layout(spec);
            var o = (NativeDegeneracyOutputs*)outputs;
            DegeneracyOutputs.Check(o, layout);
            NetworkSpectrum.CheckStudy(engine, spec);

            var result = DegeneracyStudy.Run(spec, DegeneracyExponents.For(engine, spec));

            DegeneracyOutputs.Write(o, layout, result);
        });
    }
}
