import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that readers see either the old content or the new one, never a part.
///
/// The data goes to a uniquely named temporary file in the destination's directory
/// (`.NAME.carnet-XXXXXX.tmp`), which is flushed to disk and renamed over the destination. On
/// failure the temporary file is removed and the destination is left as it was. A new file gets
/// mode `0644`; a replaced file keeps its mode.
public enum AtomicFile {
  /// Replaces the file at `path` with `text`'s UTF-8 bytes.
  /// - Throws: `AtomicFileError` naming `path` and the operating system's reason.
  public static func write(_ text: String, to path: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
  }

  /// Replaces the file at `path` with `bytes`.
  /// - Throws: `AtomicFileError` naming `path` and the operating system's reason.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    try bytes.withUnsafeBytes { try write($0, to: path) }
  }

  /// Writes every file of `files`, all or nothing: each file's bytes go to its temporary file
  /// first, and only when all are written are they renamed over their destinations. If one
  /// cannot be written (a full disk), none is replaced.
  /// - Throws: `AtomicFileError` naming the first file that could not be written.
  public static func write(all files: [RenderedFile]) throws {
    var written: [Staged] = []
    do {
      for file in files {
        written.append(
          try file.utf8.withUnsafeBytes { try writeTemporary($0, for: file.path) })
      }
    } catch {
      for file in written { file.discard() }
      throw error
    }
    // Flushed to disk all at once: the file system can commit them together (a lesson's
    // Markdown and web page: one wait for the disk instead of two).
    let toFlush = written
    let failures = Mutex<[Int: AtomicFileError]>([:])
    DispatchQueue.concurrentPerform(iterations: toFlush.count) { index in
      do throws(AtomicFileError) {
        try toFlush[index].flushAndClose()
      } catch {
        failures.withLock { $0[index] = error }
      }
    }
    if let first = failures.withLock({ $0.min { $0.key < $1.key } }) {
      for file in written { _ = unlink(file.temporary) }
      throw first.value
    }
    // A rename fails when the destination is a folder: find that out before renaming any.
    for file in written {
      var status = stat()
      if stat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
        for each in written { _ = unlink(each.temporary) }
        throw AtomicFileError(path: file.path, code: EISDIR)
      }
    }
    for (index, file) in written.enumerated() where rename(file.temporary, file.path) != 0 {
      let error = AtomicFileError(path: file.path, code: errno)
      for rest in written[index...] { _ = unlink(rest.temporary) }
      throw error
    }
  }

  private static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
    let staged = try writeTemporary(bytes, for: path)
    try staged.flushAndClose()
    guard rename(staged.temporary, path) == 0 else {
      let error = AtomicFileError(path: path, code: errno)
      _ = unlink(staged.temporary)
      throw error
    }
  }

  /// A temporary file written but still open, not yet flushed to disk.
  private struct Staged: Sendable {
    let temporary: String
    let path: String
    let descriptor: Int32

    /// Flushes the file to disk and closes it; on failure, removes it.
    func flushAndClose() throws(AtomicFileError) {
      guard fsync(descriptor) == 0 else {
        let error = AtomicFileError(path: path, code: errno)
        discard()
        throw error
      }
      guard close(descriptor) == 0 else {
        let error = AtomicFileError(path: path, code: errno)
        _ = unlink(temporary)
        throw error
      }
    }

    /// Closes and removes the file.
    func discard() {
      _ = close(descriptor)
      _ = unlink(temporary)
    }
  }

  /// Writes `bytes` to a new temporary file beside `path`, with the mode the destination has
  /// (or `0644`), and leaves it open.
  private static func writeTemporary(_ bytes: UnsafeRawBufferPointer, for path: String) throws
    -> Staged
  {
    func failure(_ code: Int32) -> AtomicFileError { AtomicFileError(path: path, code: code) }
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let suffix = ".tmp"
    var template = Array("\(directory).\(name).carnet-XXXXXX\(suffix)".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemps($0, Int32(suffix.utf8.count)) } ?? -1
    }
    guard descriptor >= 0 else { throw failure(errno) }
    let temporaryPath = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let staged = Staged(temporary: temporaryPath, path: path, descriptor: descriptor)
    do {
      var status = stat()
      let mode = stat(path, &status) == 0 ? mode_t(status.st_mode & 0o7777) : 0o644
      guard fchmod(descriptor, mode) == 0 else { throw failure(errno) }
      try writeEvery(bytes, to: descriptor, failure: failure)
      return staged
    } catch {
      staged.discard()
      throw error
    }
  }

  /// Writes every byte, retrying after interruptions and partial writes.
  private static func writeEvery(
    _ bytes: UnsafeRawBufferPointer, to descriptor: Int32,
    failure: (Int32) -> AtomicFileError
  ) throws {
    guard let base = bytes.baseAddress else { return }
    var written = 0
    while written < bytes.count {
      let result = writeDescriptor(descriptor, base + written, bytes.count - written)
      if result < 0 {
        if errno == EINTR { continue }
        throw failure(errno)
      }
      written += result
    }
  }
}

/// `write(2)`, out of the reach of `AtomicFile.write`'s name.
private func writeDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

extension AtomicFileError {
  /// The error for `path` whose reason is the system's message for error number `code`.
  fileprivate init(path: String, code: Int32) {
    self.init(path: path, reason: String(cString: strerror(code)))
  }
}
