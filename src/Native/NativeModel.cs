using System.Runtime.InteropServices;

namespace FastAttractors.Native;

/// <summary>
/// fa_model of native/fastattractors.h, field for field: which built-in model, its size, and its parameter arrays
/// (caller-owned, of the real type the function's suffix names). A slot the model does not have must be NULL with
/// length 0. The layout is the C compiler's natural one (80 bytes on 64-bit targets; the shim asserts it): the arrays
/// start at offset 16 whether written out or nested, as the nested struct is 8-aligned.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeModel
{
    /// <summary>An fa_model_kind value (<see cref="ModelKinds"/>).</summary>
    public int Kind;
    public int N;
    public int Members;
    public NativeParameterArrays Arrays;
}

/// <summary>
/// One slot per parameter array of a model: the tail of fa_model (its inputs) and the whole of fa_parameter_gradients
/// (caller-owned outputs for dL/dθ, each per member, length·members with member fastest, or NULL with length 0 when
/// not wanted).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeParameterArrays
{
    public void* W;
    public long WLength;
    public void* B;
    public long BLength;
    public void* Tau;
    public long TauLength;
    public void* Coefficients;
    public long CoefficientsLength;
}

/// <summary>
/// fa_lyapunov_diagnostics: the per-member diagnostics of <see cref="LyapunovSpectra"/> (each array NULL with length
/// 0 when not wanted, else one value per member) and the times the estimate actually used (always written).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeLyapunovDiagnostics
{
    public double* SumRuleResidual;
    public long SumRuleResidualLength;
    public double* Contraction;
    public long ContractionLength;
    public double* KaplanYorke;
    public long KaplanYorkeLength;
    public double* PositiveSum;
    public long PositiveSumLength;
    public long* FailedStep;
    public long FailedStepLength;
    public double TransientTime;
    public double AccumulationTime;
    public int Blocks;
}
