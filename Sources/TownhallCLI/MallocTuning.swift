#if os(Linux)
import CMalloc
#endif

/// glibc's allocator, set for a build: it makes and drops a page's worth of strings and
/// arrays on every core, and with the defaults each thread's heap kept growing and shrinking
/// (an `mprotect` and fresh zeroed pages each time: 6 % of a 10,000-page build's CPU). Heaps
/// now grow 64 MB at a time, and keep up to 256 MB free rather than give it back; blocks up
/// to 32 MB come from the heaps, not from a `mmap` each. Measured on the 10,000-page bench
/// corpus: 4.0 s to 3.75 s, the same peak memory (see bench/README.md).
public enum MallocTuning {
    public static func apply() {
        #if os(Linux)
        _ = mallopt(M_TOP_PAD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }
}
