#if canImport(Glibc)
import Glibc

/// Asks for the heap in 2 MB pages where the kernel leaves that to the program
/// (`transparent_hugepage` set to `madvise`, as on Debian). A build's heap is hundreds of
/// megabytes touched once each: in 4 KB pages, that is a hundred thousand page faults.
/// A block is taken from the allocator, marked, and given back, so the allocator (tcmalloc,
/// which keeps freed spans) carves later allocations from it.
enum HugePages {
    static let reserve = 768 << 20

    static func prepare() {
        guard let block = malloc(reserve) else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: block) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: block) + reserve) & ~(page - 1)
        if end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(aligned, end - start, 14 /* MADV_HUGEPAGE */)
        }
        free(block)
    }
}
#else
enum HugePages {
    static func prepare() {}
}
#endif
