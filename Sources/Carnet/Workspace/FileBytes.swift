#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into one byte array, with no intermediate copy (`FileManager.contents`
/// gives a `Data` that must then be copied into `[UInt8]`).
enum FileBytes {
  /// The bytes of the file at `path`, or nil when it cannot be opened or read.
  static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { _ = close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    // The size is a hint, one byte more to see the end in the same buffer: a file that grows
    // while it is read is read to its end.
    var capacity = max(Int(status.st_size), 0) + 1
    var bytes: [UInt8] = []
    while true {
      guard let chunk = chunk(of: descriptor, capacity: capacity) else { return nil }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if chunk.count < capacity { return bytes }
      capacity = max(capacity, 1 << 16)
    }
  }

  /// Up to `capacity` bytes from `descriptor`, fewer only at the end of the file; nil on error.
  private static func chunk(of descriptor: Int32, capacity: Int) -> [UInt8]? {
    var failed = false
    let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      while count < capacity {
        let result = readDescriptor(descriptor, base + count, capacity - count)
        if result == 0 { return }
        if result < 0 {
          if errno == EINTR { continue }
          failed = true
          return
        }
        count += result
      }
    }
    return failed ? nil : chunk
  }
}

/// `read(2)`, out of the reach of `FileBytes.read`'s name.
private func readDescriptor(
  _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int
) -> Int {
  read(descriptor, buffer, count)
}
