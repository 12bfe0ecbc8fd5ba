/// One message about a file, printed the way compilers print them: `path:line:col: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How serious a diagnostic is.
  package enum Severity: String, Sendable {
    case error
    case warning
    case note
  }

  /// The file the message is about, as the user named it (relative paths stay relative).
  package var path: String
  /// Where in the file, when known.
  package var location: SourceLocation?
  /// How serious it is.
  package var severity: Severity
  /// One line, no trailing period needed.
  package var message: String

  /// Creates a diagnostic.
  package init(
    path: String, location: SourceLocation? = nil, severity: Severity = .error, message: String
  ) {
    self.path = path
    self.location = location
    self.severity = severity
    self.message = message
  }

  /// Creates a diagnostic at a line (column 1 omitted from the printed form).
  package init(path: String, line: Int, severity: Severity = .error, message: String) {
    self.init(
      path: path, location: SourceLocation(line: line), severity: severity, message: message)
  }

  public var description: String {
    var place = path
    if let location {
      place += ":\(location.line)"
      if location.column > 1 { place += ":\(location.column)" }
    }
    return "\(place): \(severity.rawValue): \(message)"
  }
}

/// Bad user input: one or more diagnostics, reported with exit code 2 and no file written.
public struct InputError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, in file order.
  public var diagnostics: [Diagnostic]

  /// Wraps diagnostics.
  package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// Wraps one diagnostic.
  package init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
