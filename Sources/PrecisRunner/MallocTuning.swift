#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide settings of the C allocator that keep the peak memory of a large input down.
enum MallocTuning {
  /// Makes glibc give every block of 128 KiB or more its own mapping, returned to the system
  /// as soon as it is freed.
  ///
  /// By default glibc raises that threshold to the size of the largest block freed so far
  /// (up to 32 MiB), after which blocks of a large input's arrays are carved from the heap
  /// and stay resident once freed: a 100 MB input then peaked about 60 MB higher. Fixing the
  /// threshold turns that off; small blocks are unaffected. Does nothing on other C
  /// libraries, and nothing when `GLIBC_TUNABLES` or `MALLOC_MMAP_THRESHOLD_` already set it.
  static let configure: Void = {
    #if canImport(Glibc)
      if getenv("MALLOC_MMAP_THRESHOLD_") != nil { return }
      if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("mmap_threshold") {
        return
      }
      // mallopt is not in Swift's Glibc module; it is looked up by name.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
      _ = mallopt(mmapThreshold, 128 << 10)
    #endif
  }()
}
