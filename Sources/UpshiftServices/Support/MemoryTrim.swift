/// Gives memory freed by a big one-off job (a library scan, a library load) back to the system.
///
/// glibc keeps freed heap memory for reuse; after building a 50,000-movie library the temporary
/// rows and JSON would otherwise stay resident for the life of the daemon. A no-op elsewhere.
public enum MemoryTrim {
    /// Returns free heap pages to the system.
    public static func releaseFreeMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// Limits glibc to two malloc arenas (instead of eight per core): a daemon with a few
    /// threads and a long life keeps far less memory in per-thread arenas. Call before any
    /// thread starts.
    public static func limitArenas() {
        #if os(Linux)
        _ = glibcMallopt(-8, 2)  // M_ARENA_MAX
        #endif
    }
}

#if os(Linux)
// <malloc.h> is not part of the Glibc module map.
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
