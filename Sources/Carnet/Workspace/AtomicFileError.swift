/// A file could not be written; its description is one line naming the path and the reason.
package struct AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file that was to be written.
  package var path: String
  /// The operating system's reason, e.g. `No such file or directory`.
  package var reason: String

  /// Creates an error for `path` with the given reason.
  package init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  package var description: String { "cannot write \(path): \(reason)" }
}
