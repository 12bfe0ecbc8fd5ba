/// The Swift source that a lesson's cells compile to, written by the tangle build plugin and
/// recomputed by `carnet` to tell whether the running binary was built from the lesson as it is.
///
/// The generated file mirrors the lesson line for line: the code of a cell sits on the same line
/// as in the lesson, indented by the same number of bytes, and one `#sourceLocation` directive
/// names the lesson. So the compiler's errors and warnings, the lines it quotes, and the
/// messages of a trap at run time (`fatalError`, a failed `precondition`) all read as the
/// lesson's own `NAME.md:LINE:COL`. The lesson's prose lines are left blank; the scaffolding sits
/// on the fence lines:
///
/// - the lesson is a struct (`Lesson_NAME`), so that two lessons may declare the same names;
/// - each shared block (`shared=true`) is written as the struct's members, visible to every cell;
/// - each cell is a method, `cell_ID() async throws`, whose body is the cell's code;
/// - a cell marked `expect=compile-error` is left out (its lines stay blank), so that the package
///   builds; the build checks it on its own (`checkSource(ofCell:in:sourcePath:)`) and records
///   what the compiler said (`CompileCheck`).
///
/// After the mirrored lines comes the registration: `Lesson_NAME.compiled`, a `CompiledLesson`
/// with one closure (or compile check) per cell and the lesson's fingerprint.
public struct LessonTangle: Hashable, Sendable {
  /// The whole generated Swift file.
  package var source: String
  /// A digest of the lines that mirror the lesson, of the code of the cells left out and of the
  /// options of every cell (not of the registration that embeds it, nor of the compile checks).
  package var fingerprint: String
  /// The Swift name of the lesson's struct.
  package var typeName: String

  /// Tangles `notebook` as the build does, naming the lesson `sourcePath` in diagnostics (the
  /// lesson's path relative to its package, such as `Notebooks/demo.md`); `compileChecks` gives
  /// what the compiler said about each `expect=compile-error` cell, by ID.
  package init(
    _ notebook: Notebook, sourcePath: String, compileChecks: [String: CompileCheck] = [:]
  ) {
    typeName = Self.typeName(ofLesson: notebook.name)
    let mirrored = Self.compiledLines(notebook, sourcePath: sourcePath)
    fingerprint = Self.fingerprint(ofMirrored: mirrored, notebook)
    source =
      String(decoding: mirrored, as: UTF8.self)
      + Self.registration(
        notebook, typeName: typeName, sourcePath: sourcePath, fingerprint: fingerprint,
        compileChecks: compileChecks)
  }

  /// The fingerprint `LessonTangle(notebook, sourcePath:)` would have, without writing the rest
  /// of the file: what `carnet` computes for every lesson it loads.
  public static func fingerprint(of notebook: Notebook, sourcePath: String) -> String {
    fingerprint(ofMirrored: compiledLines(notebook, sourcePath: sourcePath), notebook)
  }

  /// The mirrored lines of the cells the build compiles (all but `expect=compile-error`).
  private static func compiledLines(_ notebook: Notebook, sourcePath: String) -> [UInt8] {
    mirroredLines(
      notebook, typeName: typeName(ofLesson: notebook.name), sourcePath: sourcePath,
      including: { $0.options.expectation != .compileError })
  }

  /// The digest of the mirrored lines, of the code and place of the cells left out, and of the
  /// cells' options.
  private static func fingerprint(ofMirrored mirrored: [UInt8], _ notebook: Notebook) -> String {
    var fingerprint = Fingerprint()
    fingerprint.add(mirrored)
    for cell in cellsToCheck(in: notebook) {
      fingerprint.add(
        "\(cell.id) \(cell.firstCodeLine) \(cell.codeIndentation)\n\(cell.code)".utf8)
    }
    // And the options each cell runs with: a binary then holds its lesson's cells exactly as
    // they run, and can start running them before the lesson is read (`EarlyRun`).
    for cell in notebook.cells {
      let words = cell.options.words
      if !words.isEmpty { fingerprint.add("\(cell.id) \(words.joined(separator: " "))\n".utf8) }
    }
    return fingerprint.hex
  }

  /// Why the build cannot name a lesson at `sourcePath` in its diagnostics, or nil when it can:
  /// Swift's `#sourceLocation(file:)` keeps escape sequences as written and ignores a name with a
  /// line break, so a quote, a backslash or a control character would misname the lesson.
  package static func pathProblem(_ sourcePath: String) -> String? {
    let unusable = sourcePath.unicodeScalars.first {
      $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F
    }
    guard let unusable else { return nil }
    return "the lesson's path holds \(unusable.escaped(asASCII: true)), which Swift's compiler"
      + " cannot show in its messages; rename the file without quotes, backslashes or control"
      + " characters"
  }

  /// The cells the build leaves out and checks on their own (`expect=compile-error`).
  package static func cellsToCheck(in notebook: Notebook) -> [Cell] {
    notebook.cells.filter { $0.options.expectation == .compileError }
  }

  /// The Swift file that checks one left-out cell as the build would compile it: the lesson's
  /// struct with its shared blocks and that cell alone, on the lesson's lines, then the imports
  /// of a generated lesson (`Foundation`; Carnet's support code comes with the check).
  package static func checkSource(ofCell cell: Cell, in notebook: Notebook, sourcePath: String)
    -> String
  {
    String(
      decoding: mirroredLines(
        notebook, typeName: typeName(ofLesson: notebook.name), sourcePath: sourcePath,
        including: { $0.id == cell.id }), as: UTF8.self) + "import Foundation\n"
  }

  /// The lesson lines a cell's code occupies.
  package static func codeLines(of cell: Cell) -> ClosedRange<Int> {
    let count = cell.code.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    return cell.firstCodeLine...max(cell.firstCodeLine, cell.firstCodeLine + count - 1)
  }

  /// The Swift name of a lesson's struct: `Lesson_` then the name, with every byte that is not an
  /// ASCII letter or digit written `_XX` in hexadecimal (so that distinct names stay distinct).
  package static func typeName(ofLesson name: String) -> String {
    var result = "Lesson_"
    for byte in name.utf8 {
      if isASCIILetterOrDigit(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        result += "_" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }

  /// The Swift name of a cell's method: `cell_` then the ID with hyphens as underscores (IDs hold
  /// only lowercase letters, digits and hyphens).
  package static func methodName(ofCell id: String) -> String {
    var name: [UInt8] = []
    appendMethodName(ofCell: id, to: &name)
    return String(decoding: name, as: UTF8.self)
  }

  /// Appends `methodName(ofCell: id)`'s UTF-8 bytes (a hyphen is one byte in UTF-8, never part
  /// of another character's bytes).
  private static func appendMethodName(ofCell id: String, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: "cell_".utf8)
    for byte in id.utf8 { bytes.append(byte == UInt8(ascii: "-") ? UInt8(ascii: "_") : byte) }
  }

  /// The file `LessonCatalog.swift`: every lesson of the module, in the order given.
  package static func catalogSource(typeNames: [String]) -> String {
    var source = """
      // Generated by carnet-tangle; do not edit.
      import CarnetRuntime

      /// Every lesson compiled into this module from its Markdown, in file-name order.
      public enum LessonCatalog {
        /// The lessons, each with its cells as compiled.
        public static let lessons: [CompiledLesson] = [

      """
    for name in typeNames { source += "    \(name).compiled,\n" }
    source += "  ]\n\n  /// The lessons, looked up by name.\n"
    source += "  public static let registry = LessonRegistry(lessons)\n}\n"
    return source
  }

  private static func mirroredLines(
    _ notebook: Notebook, typeName: String, sourcePath: String, including: (Cell) -> Bool
  ) -> [UInt8] {
    var lines = NumberedLines()
    var isFirst = true
    notebook.forEachBlockInDocumentOrder(includingCells: including) { block in
      // `struct TYPE {` on the first, ` func cell_ID() async throws {` for a cell, made as bytes.
      var opening: [UInt8] = isFirst ? Array("struct \(typeName) {".utf8) : []
      isFirst = false
      if !block.options.isShared {
        opening.append(contentsOf: " func ".utf8)
        appendMethodName(ofCell: block.id, to: &opening)
        opening.append(contentsOf: "() async throws {".utf8)
      }
      lines.set(block.location.line, opening)
      var number = block.firstCodeLine
      var code = block.code
      code.withUTF8 { code in
        forEachLineOfCode(code) { line in
          lines.set(number, line, indentation: line.isEmpty ? 0 : block.codeIndentation)
          number += 1
        }
      }
      lines.set(number, (block.options.isShared ? "" : "}").utf8)
    }
    if isFirst { lines.set(1, "struct \(typeName) {".utf8) }
    let file = swiftStringLiteral(sourcePath)
    // The directive gives the line after it its number: it takes the place of the lesson's line
    // 1 when that line is blank here, so that the file's lines and the lesson's lines coincide.
    if lines.isFirstLineBlank {
      lines.set(1, "#sourceLocation(file: \(file), line: 2)".utf8)
    } else {
      lines.insertFirst("#sourceLocation(file: \(file), line: 1)".utf8)
    }
    lines.set(lines.count + 1, "}".utf8)
    lines.set(lines.count + 1, "#sourceLocation()".utf8)
    return lines.bytes + [UInt8(ascii: "\n")]
  }

  /// Calls `body` with each line of a cell's code (its UTF-8 bytes), as `code.split(separator:
  /// "\n", omittingEmptySubsequences: false).dropLast()` gives them (a `\r\n` is one
  /// `Character`, which that split does not split), without making a `Substring` of each.
  private static func forEachLineOfCode(
    _ code: UnsafeBufferPointer<UInt8>, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Void
  ) {
    var start = 0
    var previous: UInt8 = 0
    for index in code.indices {
      let byte = code[index]
      if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
        body(code[start..<index])
        start = index + 1
      }
      previous = byte
    }
  }

  private static func registration(
    _ notebook: Notebook, typeName: String, sourcePath: String, fingerprint: String,
    compileChecks: [String: CompileCheck]
  ) -> String {
    var source = """

      // Generated by carnet-tangle from \(sourcePath.replacingNewlines); do not edit.
      import CarnetRuntime
      import CarnetDocument
      import Foundation

      extension \(typeName) {
        /// The cells of the lesson, as this build compiled them.
        static let compiled = CompiledLesson(
          name: \(swiftStringLiteral(notebook.name)), sourcePath: \(swiftStringLiteral(sourcePath)),
          fingerprint: "\(fingerprint)",
          cells: [

      """
    for cell in notebook.cells {
      guard cell.options.expectation == .compileError else {
        let method = methodName(ofCell: cell.id)
        let words = cell.options.words
        let literals = words.map(swiftStringLiteral).joined(separator: ", ")
        let options = words.isEmpty ? "" : ", options: [\(literals)]"
        source +=
          "      CompiledCell(\"\(cell.id)\"\(options)) { try await \(typeName)().\(method)() },\n"
        continue
      }
      let check = compileChecks[cell.id] ?? CompileCheck(compiles: true, diagnostics: [])
      source += "      CompiledCell(\n        \"\(cell.id)\",\n"
      source += "        compileCheck: CompileCheck(\n          compiles: \(check.compiles),\n"
      source += "          diagnostics: [\n"
      for line in check.diagnostics { source += "            \(swiftStringLiteral(line)),\n" }
      source += "          ])),\n"
    }
    source += "    ])\n}\n"
    return source
  }

  /// `text` as a Swift string literal.
  package static func swiftStringLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": literal += "\\\""
      case "\\": literal += "\\\\"
      case "\n": literal += "\\n"
      case "\r": literal += "\\r"
      case "\t": literal += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        literal += "\\u{\(String(scalar.value, radix: 16))}"
      default: literal.unicodeScalars.append(scalar)
      }
    }
    return literal + "\""
  }

  private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}

extension String {
  fileprivate var replacingNewlines: String {
    String(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
  }
}
