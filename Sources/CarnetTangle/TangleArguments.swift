/// The tool's command line, written by the TangleLessons plugin:
///
///     CarnetTangle --package-root ROOT --catalog CATALOG.swift --routing ROUTING.swift [--swiftc SWIFTC]
///       [--module NAME] [--cache DIR] [--support FILE.swift]... -- (LESSON.md OUT.swift)...
struct TangleArguments {
  var packageRoot = ""
  var catalog = ""
  /// Where to write `LessonTangle.routingSource`.
  var routing = ""
  /// The compiler that checks `expect=compile-error` cells.
  var swiftc: String?
  /// The module the lessons are compiled into.
  var module = "Lessons"
  /// Where compile checks are kept between runs.
  var cache: String?
  /// The target's own Swift files (hidden helpers that lessons may call).
  var support: [String] = []
  var lessons: [(markdown: String, swift: String)] = []

  init?(_ arguments: [String]) {
    var rest = arguments[...]
    while let option = rest.popFirst(), option != "--" {
      guard let value = rest.popFirst() else { return nil }
      switch option {
      case "--package-root": packageRoot = value.hasSuffix("/") ? value : value + "/"
      case "--catalog": catalog = value
      case "--routing": routing = value
      case "--swiftc": swiftc = value
      case "--module": module = value
      case "--cache": cache = value
      case "--support": support.append(value)
      default: return nil
      }
    }
    guard !packageRoot.isEmpty, !catalog.isEmpty, !routing.isEmpty, rest.count % 2 == 0 else {
      return nil
    }
    while let markdown = rest.popFirst(), let swift = rest.popFirst() {
      lessons.append((markdown, swift))
    }
  }

  /// `path` relative to the package root, as lessons are named in diagnostics.
  func relative(_ path: String) -> String {
    path.hasPrefix(packageRoot) ? String(path.dropFirst(packageRoot.count)) : path
  }
}
