using System.Runtime.InteropServices;

namespace FastAttractors.Native.Tests.Support;

/// <summary>
/// The structs of native/fastattractors.h written again from the header (not shared with src/Native), so a test that
/// passes them to the exports also checks that the managed side reads the layout C callers write.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FaModel
{
    public int Kind, N, Members;
    public void* W;
    public long WLength;
    public void* B;
    public long BLength;
    public void* Tau;
    public long TauLength;
    public void* Coefficients;
    public long CoefficientsLength;
}

/// <summary>fa_parameter_gradients of the header.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FaParameterGradients
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

/// <summary>fa_lyapunov_diagnostics of the header.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FaLyapunovDiagnostics
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
    public double TransientTime, AccumulationTime;
    public int Blocks;
}

/// <summary>fa_scan_axis of the header.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FaScanAxis
{
    public byte* Name;
    public int Kind;
    public double* Values;
    public long ValuesLength;
}

/// <summary>fa_scan_diagnostics of the header.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FaScanDiagnostics
{
    public double* ExponentSum;
    public long ExponentSumLength;
    public double* KaplanYorke;
    public long KaplanYorkeLength;
    public double* PositiveSum;
    public long PositiveSumLength;
    public double* SumRuleResidual;
    public long SumRuleResidualLength;
    public double* Contraction;
    public long ContractionLength;
    public long* FailedStep;
    public long FailedStepLength;
}
