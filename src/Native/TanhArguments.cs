namespace FastAttractors.Native;

/// <summary>
/// The fa_tanh_* functions' model arguments (n, members, w, b, tau as plain parameters) as the fa_model they
/// describe, so those functions are thin wrappers over the generic path and report the same argument names as ever.
/// </summary>
internal static unsafe class TanhArguments
{
    public static ModelArguments Check(int n, int members, void* w, long wLength, void* b, long bLength, void* tau, long tauLength,
        void* x0, long x0Length)
    {
        var model = new NativeModel
        {
            Kind = 1, // FA_MODEL_TANH_RNN
            N = n,
            Members = members,
            Arrays = new NativeParameterArrays { W = w, WLength = wLength, B = b, BLength = bLength, Tau = tau, TauLength = tauLength },
        };
        return ModelArguments.Check(model, x0, x0Length, prefix: "");
    }
}
