/// A file could not be written; its description is one line naming the path and the reason.
package struct AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file that was to be written.
  public var path: String
  /// The operating system's reason, e.g. `No such file or directory`.
  public var reason: String

  /// Creates an error for `path` with the given reason.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}
