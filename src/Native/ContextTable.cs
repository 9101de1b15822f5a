using System.Collections.Concurrent;

namespace FastAttractors.Native;

/// <summary>
/// The live contexts by id. Native code holds only the id (never a GCHandle or an object address), ids are never
/// reused, so a destroyed, unknown or garbage handle is a lookup miss (FA_ERR_INVALID_CONTEXT), not a crash.
/// </summary>
internal static class ContextTable
{
    private static readonly ConcurrentDictionary<nint, NativeContext> Contexts = new();
    private static long lastId;

    public static nint Add(Engine engine)
    {
        nint id = (nint)Interlocked.Increment(ref lastId);
        Contexts[id] = new NativeContext(engine);
        return id;
    }

    /// <summary>Locks the context for one call; dispose the lease to unlock it.</summary>
    public static Lease Enter(nint id)
    {
        var context = Find(id);
        if (!context.TryEnter())
            throw context.Destroyed ? Invalid(id) : Busy();
        if (context.Destroyed)
        {
            context.Exit();
            throw Invalid(id);
        }
        return new Lease(context);
    }

    /// <summary>Removes and disposes the context; fails with FA_ERR_BUSY while another thread is inside it.</summary>
    public static void Destroy(nint id)
    {
        var context = Find(id);
        if (!context.TryEnter())
            throw context.Destroyed ? Invalid(id) : Busy();
        // Stays entered forever: a caller that looked it up before the removal cannot get in.
        context.Destroyed = true;
        Contexts.TryRemove(id, out _);
        context.Engine.Dispose();
    }

    private static NativeContext Find(nint id) =>
        Contexts.TryGetValue(id, out var context) ? context : throw Invalid(id);

    private static NativeFailure Invalid(nint id) =>
        new(ErrorCode.InvalidContext, id == 0
            ? "ctx: NULL context."
            : $"ctx: no live context with handle {id} (never created, or destroyed).");

    private static NativeFailure Busy() =>
        new(ErrorCode.Busy, "ctx: the context is in use by another thread; use one context per thread or serialise the calls.");

    public readonly struct Lease(NativeContext context) : IDisposable
    {
        public Engine Engine => context.Engine;

        public void Dispose() => context.Exit();
    }
}
