namespace FastAttractors.Native;

/// <summary>The <c>fa_status</c> codes of native/fastattractors.h; the values are the ABI (a test compares them with the header).</summary>
public enum ErrorCode
{
    Ok = 0,

    /// <summary>A NULL pointer, a negative or inconsistent size, or a value the engine rejects; the message names it.</summary>
    InvalidArgument = 1,

    /// <summary>The context was never created, or was destroyed.</summary>
    InvalidContext = 2,

    /// <summary>Another thread is using the context right now; the call did nothing.</summary>
    Busy = 3,

    /// <summary>The requested backend has no device on this machine.</summary>
    BackendUnavailable = 4,

    OutOfMemory = 5,

    /// <summary>The .NET runtime or the managed assembly could not be loaded (reported by the C shim only).</summary>
    Runtime = 6,

    /// <summary>Anything else: a bug; the message has the exception type and text.</summary>
    Internal = 7,
}
