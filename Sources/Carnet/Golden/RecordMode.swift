/// Whether golden files are rewritten from the rendered lessons instead of checked against them.
///
/// The rule: `CARNET_RECORD` set to `1`, `true` or `yes` (any case, surrounding spaces ignored)
/// records every golden file (`.all`); anything else, or no `CARNET_RECORD`, records nothing
/// (`.never`). On continuous integration (`CI` set to a non-empty value) nothing is ever
/// recorded, whatever `CARNET_RECORD` says, so a CI run can only check golden files.
package enum RecordMode: Sendable {
  /// Golden files are compared, never written.
  case never
  /// Every golden file is written from the rendered lesson.
  case all

  /// The mode the environment asks for (see the type's rule); pass
  /// `ProcessInfo.processInfo.environment`.
  package static func from(environment: [String: String]) -> RecordMode {
    if let ci = environment["CI"], !ci.isEmpty { return .never }
    guard let value = environment["CARNET_RECORD"] else { return .never }
    let trimmed = value.filter { !$0.isWhitespace }.lowercased()
    return ["1", "true", "yes"].contains(trimmed) ? .all : .never
  }
}
