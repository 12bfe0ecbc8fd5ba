import Foundation

/// The source text of a registered example's body, read from the Swift file that declares it.
///
/// The body is the block of lines after the `Example("id") {` line, up to the line that closes it:
/// the first later line that starts with `}` at the indentation of the `Example(` line.
public struct ExampleSource: Hashable, Sendable {
  /// The Swift file, as a path relative to the current directory when it lies below it.
  public var displayPath: String
  /// Line number of the body's first line.
  public var firstLine: Int
  /// The body's lines, verbatim.
  public var lines: [String]

  /// Reads the body of `example` from its source file.
  public static func read(_ example: Example) throws(InputError) -> ExampleSource {
    let displayPath = Self.relativePath(example.file)
    let failure = { (message: String) in
      InputError(Diagnostic(path: displayPath, line: example.line, message: message))
    }
    guard let data = FileManager.default.contents(atPath: example.file),
      let text = String(data: data, encoding: .utf8)
    else {
      throw failure("cannot read the source of example '\(example.id)'")
    }
    let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    guard example.line >= 1, example.line <= fileLines.count else {
      throw failure("example '\(example.id)' is not at this line of its source")
    }
    let header = fileLines[example.line - 1]
    guard header.contains("Example("), header.trimmingTrailingWhitespace.hasSuffix("{") else {
      throw failure("example '\(example.id)' must open its closure on the Example( line")
    }
    let indentation = header.prefix { $0 == " " || $0 == "\t" }
    for index in example.line..<fileLines.count {
      let line = fileLines[index]
      if line.hasPrefix(indentation + "}") {
        return ExampleSource(
          displayPath: displayPath, firstLine: example.line + 1,
          lines: Array(fileLines[example.line..<index]))
      }
    }
    throw failure("cannot find the end of example '\(example.id)'")
  }

  /// `path` relative to the current directory when it lies below it.
  public static func relativePath(_ path: String) -> String {
    let directory = FileManager.default.currentDirectoryPath
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}

extension StringProtocol {
  /// The string without trailing spaces and tabs.
  var trimmingTrailingWhitespace: String {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
      end = index(before: end)
    }
    return String(self[startIndex..<end])
  }
}
