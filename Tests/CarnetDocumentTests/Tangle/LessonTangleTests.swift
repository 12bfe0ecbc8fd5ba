import Foundation
import Testing

@testable import CarnetDocument

/// The Swift that `LessonTangle` writes for a lesson: the lesson's lines mirrored one for one
/// (code on the lesson's own lines and columns, whatever its container, fence or line endings),
/// shared blocks as members, names that never clash, a fingerprint that changes exactly when
/// the compiled code does, and literals that survive odd paths. The last tests hand the tangled
/// files to `swiftc` (with a stand-in for the `Carnet` registry types): the code must compile,
/// run with its strings intact, and report a type error at the lesson's `NAME.md:LINE:COL`.
@Suite("Tangle: LessonTangle") struct LessonTangleTests {
  // MARK: - Layout

  @Test func mirrorsTheLessonLineForLine() throws {
    let text = """
      # Titre

      Prose.

      ```swift cell=un
      let a = 1
      print(a)
      ```

      ```swift cell=deux timeout=5s expect=timeout
      ```
      Fin.

      """
    let tangle = try tangled(text, path: "Notebooks/lecon.md")
    #expect(tangle.typeName == "Lesson_lecon")
    #expect(
      mirroredPart(of: tangle) == """
        #sourceLocation(file: "Notebooks/lecon.md", line: 2)



        struct Lesson_lecon { func cell_un() async throws {
        let a = 1
        print(a)
        }

         func cell_deux() async throws {
        }
        }
        #sourceLocation()

        """)
    let registration = String(tangle.source.dropFirst(mirroredPart(of: tangle).count))
    #expect(registration.contains("extension Lesson_lecon {"))
    #expect(registration.contains("fingerprint: \"\(tangle.fingerprint)\""))
    #expect(registration.contains("name: \"lecon\", sourcePath: \"Notebooks/lecon.md\""))
    #expect(registration.contains("CompiledCell(\"un\") { try await Lesson_lecon().cell_un() }"))
    // The options each cell runs with, as the build read them.
    #expect(
      registration.contains(
        "CompiledCell(\"deux\", options: [\"expect=timeout\", \"timeout=5s\"]) {"
          + " try await Lesson_lecon().cell_deux() }"))
  }

  @Test func lessonThatStartsWithACell() throws {
    let tangle = try tangled("```swift cell=un\nprint(1)\n```\n", path: "Notebooks/vite.md")
    // Line 1 holds code scaffolding, so the directive goes before it and numbers it 1.
    #expect(
      mirroredPart(of: tangle) == """
        #sourceLocation(file: "Notebooks/vite.md", line: 1)
        struct Lesson_vite { func cell_un() async throws {
        print(1)
        }
        }
        #sourceLocation()

        """)
    let lines = try lessonLines(of: tangle)
    #expect(lines[1] == "print(1)")
  }

  @Test func lessonWithoutCells() throws {
    let tangle = try tangled("# Rien\n\nQue de la prose.\n", path: "Notebooks/rien.md")
    #expect(tangle.source.contains("struct Lesson_rien {\n}\n#sourceLocation()\n"))
    #expect(tangle.source.contains("cells: [\n    ])"))
  }

  @Test(arguments: [
    // A list item: the code is indented by the item's content column.
    "- Une liste :\n\n  ```swift cell=a\n  let x = 1\n    print(x)\n  ```\n",
    // On the item's marker line.
    "1. ```swift cell=a\n   let x = 1\n     print(x)\n   ```\n",
    // A block quote.
    "> Cité :\n>\n> ```swift cell=a\n> let x = 1\n>   print(x)\n> ```\n",
    // A list item in a block quote.
    "> 1. ```swift cell=a\n>    let x = 1\n>\n>      print(x)\n>    ```\n",
    // A block quote in a list item in a list item, after prose.
    "Avant.\n\n1. Un\n\n   - > ```swift cell=a\n     > let x = 1\n     >   print(x)\n     > ```\n",
    // A fence indented inside its container.
    "- Item\n\n    ```swift cell=a\n    let x = 1\n      print(x)\n    ```\n",
  ])
  func nestedCellKeepsLinesAndColumns(text: String) throws {
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/n.md")
    let tangle = LessonTangle(notebook, sourcePath: "Notebooks/n.md")
    try expectMirrored(notebook, tangle)
    let cell = try #require(notebook.cells.first)
    let lines = try lessonLines(of: tangle)
    #expect(lines[cell.location.line - 1].hasSuffix("func cell_a() async throws {"))
    let closing = cell.firstCodeLine + cell.code.filter { $0 == "\n" }.count
    #expect(lines[closing - 1] == "}")
    #expect(
      lines[cell.firstCodeLine - 1]
        == String(repeating: " ", count: cell.codeIndentation) + "let x = 1")
  }

  @Test func blockQuoteLinesMatchExactly() throws {
    let text =
      "> 1. Liste :\n>\n>    ```swift cell=cite\n>    let x = 1\n>      print(x)\n>    ```\n"
    let tangle = try tangled(text)
    #expect(
      Array(try lessonLines(of: tangle)[2...5]) == [
        "struct Lesson_lesson { func cell_cite() async throws {",
        "     let x = 1",
        "       print(x)",
        "}",
      ])
  }

  @Test func lineEndingsDoNotReachTheSwift() throws {
    let lf = "# T\n\n- Liste :\n\n  ```swift cell=a\n  let x = 1\n\n  print(x)\n  ```\n\nFin.\n"
    let crlf = lf.split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\r\n")
    let cr = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r")
    let reference = try tangled(lf)
    for text in [crlf, cr] {
      let notebook = try NotebookParser.parse(text: text, path: "Notebooks/lesson.md")
      let tangle = LessonTangle(notebook, sourcePath: "Notebooks/lesson.md")
      #expect(!tangle.source.unicodeScalars.contains("\r"))
      #expect(tangle == reference)
      try expectMirrored(notebook, tangle)
    }
    #expect(try lessonLines(of: reference)[5] == "  let x = 1")
  }

  @Test func tildesAndLongerFences() throws {
    let text = """
      ~~~swift cell=tilde
      let a = "~~~"
      ~~~

      ````swift cell=longue
      let md = \"""
        ```swift
        print(1)
        ```
        \"""
      ````

      `````swift cell=tres-longue
      // ````
      ~~~~~~~~
      `````

      - ~~~~ swift cell=liste
        let b = 1
        ~~~~~~
      """
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/lesson.md")
    let tangle = LessonTangle(notebook, sourcePath: "Notebooks/lesson.md")
    try expectMirrored(notebook, tangle)
    #expect(
      Array(try lessonLines(of: tangle)[0..<20]) == [
        "struct Lesson_lesson { func cell_tilde() async throws {",
        "let a = \"~~~\"",
        "}",
        "",
        " func cell_longue() async throws {",
        "let md = \"\"\"",
        "  ```swift",
        "  print(1)",
        "  ```",
        "  \"\"\"",
        "}",
        "",
        " func cell_tres_longue() async throws {",
        "// ````",
        "~~~~~~~~",
        "}",
        "",
        " func cell_liste() async throws {",
        "  let b = 1",
        "}",
      ])
  }

  @Test func codeWithHashesAndConditionalCompilation() throws {
    let text = """
      - Dièse :

        ```swift cell=diese
        #if DEBUG
        let mode = "# debug"
        #else
        let mode = "# release"
        #endif
        print(mode, "#") // # pas un titre
        ```
      """
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/lesson.md")
    let tangle = LessonTangle(notebook, sourcePath: "Notebooks/lesson.md")
    try expectMirrored(notebook, tangle)
    #expect(
      Array(try lessonLines(of: tangle)[3..<9]) == [
        "  #if DEBUG",
        "  let mode = \"# debug\"",
        "  #else",
        "  let mode = \"# release\"",
        "  #endif",
        "  print(mode, \"#\") // # pas un titre",
      ])
  }

  @Test func multilineStringIsPaddedUniformly() throws {
    // Swift removes the closing delimiter's indentation from every line of the literal: the
    // same padding on every line (none on blank lines) leaves the string's content unchanged.
    let text = """
      > - ```swift cell=texte
      >   let texte = \"""
      >     Un
      >
      >       Deux
      >     \"""
      >   print(texte)
      >   ```
      """
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/lesson.md")
    let tangle = LessonTangle(notebook, sourcePath: "Notebooks/lesson.md")
    try expectMirrored(notebook, tangle)
    #expect(
      Array(try lessonLines(of: tangle)[1..<7]) == [
        "    let texte = \"\"\"",
        "      Un",
        "",
        "        Deux",
        "      \"\"\"",
        "    print(texte)",
      ])
  }

  @Test func sharedBlocksBecomeMembers() throws {
    let text = """
      # Partage

      ```swift cell=outils shared=true
      func double(_ x: Int) -> Int { 2 * x }
      ```

      ```swift cell=un
      print(double(base))
      ```

      > ```swift cell=constantes shared=true
      > let base = 10
      > ```
      """
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/partage.md")
    let tangle = LessonTangle(notebook, sourcePath: "Notebooks/partage.md")
    try expectMirrored(notebook, tangle)
    #expect(
      Array(try lessonLines(of: tangle)[2..<14]) == [
        "struct Lesson_partage {",
        "func double(_ x: Int) -> Int { 2 * x }",
        "",
        "",
        " func cell_un() async throws {",
        "print(double(base))",
        "}",
        "",
        "",
        "  let base = 10",
        "",
        "}",
      ])
    // Shared blocks are compiled, never run: only the cell is registered.
    #expect(tangle.source.contains("CompiledCell(\"un\")"))
    #expect(!tangle.source.contains("CompiledCell(\"outils\")"))
    #expect(!tangle.source.contains("cell_outils"))
    #expect(!tangle.source.contains("cell_constantes"))
  }

  // MARK: - Names

  @Test func typeNamesAreDistinctIdentifiers() {
    #expect(LessonTangle.typeName(ofLesson: "demo") == "Lesson_demo")
    #expect(LessonTangle.typeName(ofLesson: "a-b") == "Lesson_a_2Db")
    #expect(LessonTangle.typeName(ofLesson: "a_b") == "Lesson_a_5Fb")
    #expect(LessonTangle.typeName(ofLesson: "é") == "Lesson__C3_A9")
    let names = [
      "", "a", "A", "a1", "01-intro", "a-b", "a_b", "a.b", "a b", "a_2Db", "a__b", "_", "_2D",
      "-", "é", "e\u{301}", "🙂", "Lesson", "programmation-asynchrone", "x\"y", "x\\y", "\n",
    ]
    let typeNames = names.map(LessonTangle.typeName(ofLesson:))
    #expect(Set(typeNames).count == names.count)
    for (name, typeName) in zip(names, typeNames) {
      #expect(typeName.utf8.allSatisfy { isIdentifierByte($0) }, "\(typeName)")
      // Decodable back to the name: the encoding is injective for every name, not just these.
      #expect(decodedLessonName(typeName) == name, "\(typeName)")
    }
  }

  @Test func methodNames() {
    #expect(LessonTangle.methodName(ofCell: "hello") == "cell_hello")
    #expect(LessonTangle.methodName(ofCell: "equal-deadlines") == "cell_equal_deadlines")
    #expect(LessonTangle.methodName(ofCell: "2-a-b") == "cell_2_a_b")
  }

  @Test func catalogListsTheLessonsInOrder() {
    let source = LessonTangle.catalogSource(typeNames: ["Lesson_b", "Lesson_a"])
    #expect(source.contains("import CarnetRuntime\n"))
    #expect(source.contains("public static let lessons: [CompiledLesson] = ["))
    #expect(source.contains("    Lesson_b.compiled,\n    Lesson_a.compiled,\n  ]\n"))
  }

  // MARK: - Fingerprint

  private static let fingerprintLesson = """
    # Empreinte

    Une phrase de prose.

    - ```swift cell=un seed=3
      print(1)
      ```

    ```swift cell=outils shared=true
    let k = 2
    ```

    """

  @Test func fingerprintIsStable() throws {
    let first = try tangled(Self.fingerprintLesson)
    let second = try tangled(String(Self.fingerprintLesson))
    #expect(first == second)
    #expect(first.fingerprint.count == 16)
    #expect(first.fingerprint.allSatisfy { $0.isHexDigit })
    // Without options, the digest of the mirrored lines alone.
    let plain = try tangled(Self.fingerprintLesson.replacingOccurrences(of: " seed=3", with: ""))
    #expect(plain.fingerprint == Fingerprint.hex(of: mirroredPart(of: plain)))
  }

  @Test(arguments: [
    ("code", "print(1)", "print(2)"),
    ("shared code", "let k = 2", "let k = 3"),
    ("cell moved down a line", "Une phrase de prose.", "Une phrase\nde prose."),
    (
      "code moved right", "- ```swift cell=un seed=3\n  print(1)\n  ```",
      "1. ```swift cell=un seed=3\n   print(1)\n   ```"
    ),
    ("cell renamed", "cell=un", "cell=deux"),
    ("cell made shared", "cell=un seed=3", "cell=un shared=true"),
    ("option changed", "seed=3", "seed=4"),
    ("option removed", " seed=3", ""),
  ])
  func fingerprintChangesWithTheCompiledCodeOrOptions(what: String, old: String, new: String) throws
  {
    let edited = Self.fingerprintLesson.replacingOccurrences(of: old, with: new)
    #expect(edited != Self.fingerprintLesson, "\(what)")
    let before = try tangled(Self.fingerprintLesson)
    let after = try tangled(edited)
    #expect(before.fingerprint != after.fingerprint, "\(what)")
  }

  @Test func fingerprintIgnoresProseThatKeepsLines() throws {
    let before = try tangled(Self.fingerprintLesson)
    let edits = [
      ("# Empreinte", "# Une empreinte tout autre, plus longue"),
      ("Une phrase de prose.", "Deux *phrases*. De prose, avec `du code`."),
      ("\n\nUne phrase", "\n<!-- commentaire -->\nUne phrase"),
      ("- ```swift", "* ```swift"),
    ]
    for (old, new) in edits {
      let edited = Self.fingerprintLesson.replacingOccurrences(of: old, with: new)
      #expect(edited != Self.fingerprintLesson)
      let after = try tangled(edited)
      #expect(after.fingerprint == before.fingerprint, "\(new)")
      #expect(after.source == before.source, "\(new)")
    }
    let appended = try tangled(Self.fingerprintLesson + "\nUne conclusion.\n")
    #expect(appended.fingerprint == before.fingerprint)
  }

  // MARK: - String literals

  @Test func swiftStringLiterals() {
    let cases: [(String, String)] = [
      ("Notebooks/demo.md", #""Notebooks/demo.md""#),
      (#"dit "bonjour".md"#, #""dit \"bonjour\".md""#),
      (#"C:\leçons\a.md"#, #""C:\\leçons\\a.md""#),
      ("a\nb\rc\td", #""a\nb\rc\td""#),
      ("\u{0}\u{1}\u{1B}\u{1F} \u{7F}", #""\u{0}\u{1}\u{1b}\u{1f} \u{7f}""#),
      ("é 🙂 \u{2028} \u{85}", "\"é 🙂 \u{2028} \u{85}\""),
      (#"\(x) #"#, #""\\(x) #""#),
      ("", #""""#),
    ]
    for (text, literal) in cases {
      #expect(LessonTangle.swiftStringLiteral(text) == literal)
    }
  }

  @Test func oddPathsStayInTheirLiterals() throws {
    let path = "Notebooks/l'odd \"q\" \\ \t\n\r é.md"
    let notebook = try NotebookParser.parse(text: "```swift cell=a\nprint(1)\n```\n", path: path)
    let tangle = LessonTangle(notebook, sourcePath: path)
    let literal = LessonTangle.swiftStringLiteral(path)
    #expect(tangle.source.hasPrefix("#sourceLocation(file: \(literal), line: 1)\n"))
    #expect(tangle.source.contains("sourcePath: \(literal),"))
    #expect(
      tangle.source.contains(
        "\n// Generated by carnet-tangle from Notebooks/l'odd \"q\" \\ \t   é.md; do not edit.\n"))
    #expect(tangle.typeName.utf8.allSatisfy { isIdentifierByte($0) })
  }

  // MARK: - Compiled by swiftc

  /// Tangles a few lessons with everything that could break the scaffolding (CRLF, containers,
  /// long fences, `"""` strings holding a fence, `#if`, shared blocks used by two cells, two
  /// lessons declaring the same `struct Aide`, names `a-b` and `a_b`, a path to escape), compiles
  /// them with a catalog and a `main.swift` that runs every cell, and compares what they print.
  @Test(.enabled(if: Swiftc.url != nil, Swiftc.missing), .timeLimit(.minutes(1)))
  func tangledLessonsCompileAndRun() throws {
    let alpha = """
      ---
      lang: fr
      ---
      # Alpha

      ```swift cell=aide shared=true
      struct Aide {
        var nom: String
        func salue() -> String { "Bonjour, \\(nom) !" }
      }
      let invite = "Alpha"
      ```

      - Une liste :

        ```swift cell=liste
        let aide = Aide(nom: invite)
        print(aide.salue())
        ```

      > 1. Une citation :
      >
      >    ````swift cell=citation
      >    let texte = \"""
      >      Première ligne
      >
      >        indentée
      >      ```swift
      >      print("dans une chaîne")
      >      ```
      >      \"""
      >    print(texte)
      >    print(Aide(nom: "citation").salue())
      >    ````

      ~~~swift cell=diese
      #if swift(>=5.9)
      let version = "# récent"
      #else
      let version = "# ancien"
      #endif
      print(version, "#", invite)
      ~~~

      ```swift cell=refusee expect=compile-error
      let entier: Int = "pas un entier"
      ```

      """
    let lessons: [(path: String, text: String)] = [
      (
        "Notebooks/alpha.md",
        alpha.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
      ),
      (
        "Notebooks/a-b.md",
        """
        ```swift cell=aide shared=true
        struct Aide { let valeur = "a-b" }
        ```

        ```swift cell=montre
        print(Aide().valeur)
        ```

        """
      ),
      (
        "Notebooks/a_b.md",
        """
        # a_b

        - ```swift cell=aide shared=true
          struct Aide { let valeur = 41 }
          ```

        ```swift cell=montre
        print(Aide().valeur + 1)
        ```

        """
      ),
      ("Notebooks/l'odd \"q\" \\ \t\n é.md", "Prose.\n\n```swift cell=odd\nprint(\"odd\")\n```\n"),
    ]
    var files: [String: String] = ["Stub.swift": Self.registryStub]
    var typeNames: [String] = []
    var expected = ""
    // The build would fill this in from the compiler; any text must survive its literal.
    let check = CompileCheck(
      compiles: false, diagnostics: [#"alpha.md:45:19: error: a "quoted" \ message"#])
    for (index, lesson) in lessons.enumerated() {
      let notebook = try NotebookParser.parse(text: lesson.text, path: lesson.path)
      let tangle = LessonTangle(
        notebook, sourcePath: lesson.path, compileChecks: ["refusee": check])
      files["Lesson\(index).swift"] = Self.withoutCarnetImport(tangle.source)
      typeNames.append(tangle.typeName)
      expected += "== \(hex(notebook.name)) \(hex(lesson.path)) \(tangle.fingerprint)\n"
    }
    files["Catalog.swift"] = Self.withoutCarnetImport(
      LessonTangle.catalogSource(typeNames: typeNames))
    files["main.swift"] = """
      func hex(_ text: String) -> String {
        text.utf8.map { String($0, radix: 16) }.joined(separator: ".")
      }
      for lesson in LessonCatalog.lessons {
        print("== \\(hex(lesson.name)) \\(hex(lesson.sourcePath)) \\(lesson.fingerprint)")
        for cell in lesson.cells {
          print("-- \\(cell.id)")
          try await cell.body()
          if let check = cell.compileCheck {
            print("compiles: \\(check.compiles)", check.diagnostics.joined(separator: " | "))
          }
        }
      }

      """
    let folder = try TemporaryFolder()
    try folder.write(files)
    let compile = try run(
      try Swiftc.required(),
      ["-swift-version", "6", "-module-name", "TangledLessons", "-o", "lessons"]
        + files.keys.sorted(),
      in: folder.url)
    #expect(compile.status == 0, "\(compile.errors)")
    #expect(!compile.errors.contains("warning:"), "\(compile.errors)")
    guard compile.status == 0 else { return }
    let result = try run(folder.url.appendingPathComponent("lessons"), [], in: folder.url)
    #expect(result.status == 0, "\(result.errors)")
    let headers = expected.split(separator: "\n").map(String.init)
    #expect(
      result.output == """
        \(headers[0])
        -- liste
        Bonjour, Alpha !
        -- citation
        Première ligne

          indentée
        ```swift
        print("dans une chaîne")
        ```
        Bonjour, citation !
        -- diese
        # récent # Alpha
        -- refusee
        compiles: false alpha.md:45:19: error: a "quoted" \\ message
        \(headers[1])
        -- montre
        a-b
        \(headers[2])
        -- montre
        42
        \(headers[3])
        -- odd
        odd

        """)
  }

  /// A type error in a nested cell, in a shared block, and in a CRLF lesson whose line 1 is a
  /// fence: `swiftc` names the lesson, line and column, as the lesson's reader counts them, and
  /// nothing in the scaffolding.
  @Test(.enabled(if: Swiftc.url != nil, Swiftc.missing), .timeLimit(.minutes(1)))
  func typeErrorsPointIntoTheLesson() throws {
    let erreur = """
      # Erreur

      > 1. Dans une liste dans une citation :
      >
      >    ```swift cell=ok
      >    let n: Int = 1
      >    print(n)
      >    ```
      >
      >    ```swift cell=faute
      >    let m: Int = "deux"
      >    print(m)
      >    ```

      - ```swift cell=outils shared=true
        let z: Int = "zéro"
        ```

      """
    let debut = "```swift cell=debut\r\nlet k: Int = true\r\nprint(k)\r\n```\r\n"
    let lessons = [("Notebooks/erreur.md", erreur), ("Notebooks/debut.md", debut)]
    var files: [String: String] = ["Stub.swift": Self.registryStub]
    for (index, (path, text)) in lessons.enumerated() {
      let tangle = LessonTangle(try NotebookParser.parse(text: text, path: path), sourcePath: path)
      files["Lesson\(index).swift"] = Self.withoutCarnetImport(tangle.source)
    }
    let folder = try TemporaryFolder()
    try folder.write(files)
    let result = try run(
      try Swiftc.required(), Swiftc.typecheck + files.keys.sorted(),
      in: folder.url)
    #expect(result.status != 0)
    let expected = [
      try errorLocation(of: "\"deux\"", inLine: 11, of: erreur, path: "Notebooks/erreur.md"),
      try errorLocation(of: "\"zéro\"", inLine: 16, of: erreur, path: "Notebooks/erreur.md"),
      try errorLocation(of: "true", inLine: 2, of: debut, path: "Notebooks/debut.md"),
    ]
    #expect(
      expected == [
        "Notebooks/erreur.md:11:19", "Notebooks/erreur.md:16:16", "Notebooks/debut.md:2:14",
      ])
    let reported = errorHeaders(result.errors).map { $0.location }
    #expect(reported.sorted() == expected.sorted(), "\(result.errors)")
  }

  /// swiftc takes the text of `#sourceLocation(file:)` as written, escapes included, and ignores
  /// the directive when it holds `\n` or `\r`: the build refuses such lesson paths, with a reason.
  @Test func pathsThatTheCompilerCannotNameAreRefused() {
    for path in [#"Notebooks/dit "bonjour".md"#, #"Notebooks/C:\a.md"#, "Notebooks/a\nb.md"] {
      #expect(
        LessonTangle.pathProblem(path)?.contains("rename the file without quotes") == true,
        "\(path)")
    }
    for path in ["Notebooks/leçon 1 (brouillon).md", "Notebooks/a-b_c.d.md", "Notebooks/🦊.md"] {
      #expect(LessonTangle.pathProblem(path) == nil, "\(path)")
    }
  }

  // MARK: - Helpers

  /// Stand-ins for the types that the registration and the catalog call, with the initializers
  /// of `Sources/Carnet/Registry/*.swift` and of `CompileCheck` (in `CarnetDocument`).
  private static let registryStub = """
    public struct CompileCheck: Sendable {
      public var compiles: Bool
      public var diagnostics: [String]
      public init(compiles: Bool, diagnostics: [String]) {
        self.compiles = compiles
        self.diagnostics = diagnostics
      }
    }

    public struct CompiledCell: Sendable {
      public let id: String
      public let body: @Sendable () async throws -> Void
      public let compileCheck: CompileCheck?
      public init(_ id: String, _ body: @escaping @Sendable () async throws -> Void) {
        self.id = id
        self.body = body
        self.compileCheck = nil
      }
      public init(_ id: String, compileCheck: CompileCheck) {
        self.id = id
        self.body = {}
        self.compileCheck = compileCheck
      }
    }

    public struct CompiledLesson: Sendable {
      public let name: String
      public let sourcePath: String
      public let fingerprint: String
      public let cells: [CompiledCell]
      public init(name: String, sourcePath: String, fingerprint: String, cells: [CompiledCell]) {
        self.name = name
        self.sourcePath = sourcePath
        self.fingerprint = fingerprint
        self.cells = cells
      }
    }

    public struct LessonRegistry: Sendable {
      public let lessons: [CompiledLesson]
      public init(_ lessons: [CompiledLesson]) { self.lessons = lessons }
    }

    """

  /// `source` without its imports of Carnet's modules (the stub takes their place).
  private static func withoutCarnetImport(_ source: String) -> String {
    source.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { $0 != "import CarnetRuntime" && $0 != "import CarnetDocument" }.joined(
        separator: "\n")
  }

  private func tangled(_ text: String, path: String = "Notebooks/lesson.md") throws
    -> LessonTangle
  {
    LessonTangle(try NotebookParser.parse(text: text, path: path), sourcePath: path)
  }

  /// The part of the source that mirrors the lesson, from the directive to `#sourceLocation()`.
  private func mirroredPart(of tangle: LessonTangle) -> String {
    guard let end = tangle.source.range(of: "\n#sourceLocation()\n") else { return "" }
    return String(tangle.source[..<end.upperBound])
  }

  /// The mirrored lines numbered as the lesson's: element 0 is what stands for the lesson's
  /// line 1 (an empty string when the directive takes its place).
  private func lessonLines(of tangle: LessonTangle) throws -> [String] {
    let lines = mirroredPart(of: tangle).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    let directive = try #require(lines.first)
    #expect(directive.hasPrefix("#sourceLocation(file: "))
    if directive.hasSuffix(", line: 2)") { return [""] + lines.dropFirst() }
    #expect(directive.hasSuffix(", line: 1)"))
    return Array(lines.dropFirst())
  }

  /// Checks that every block's code stands on its own lines of the lesson, each nonblank line at
  /// the lesson's columns: the lesson's line with the bytes before the code turned to spaces.
  private func expectMirrored(
    _ notebook: Notebook, _ tangle: LessonTangle,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let lines = try lessonLines(of: tangle)
    let text = TextLines(Array(notebook.text.utf8))
    for block in notebook.cells + notebook.declarations {
      let code = block.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      for (offset, codeLine) in code.enumerated() {
        let number = block.firstCodeLine + offset
        let lesson = try #require(text[number], sourceLocation: sourceLocation)
        let original = String(decoding: text.content(of: lesson), as: UTF8.self)
        let generated = lines[number - 1]
        if codeLine.allSatisfy({ $0 == " " || $0 == "\t" }) {
          #expect(
            generated.isEmpty || generated.allSatisfy { $0 == " " || $0 == "\t" },
            sourceLocation: sourceLocation)
          continue
        }
        #expect(original.hasSuffix(codeLine), "line \(number)", sourceLocation: sourceLocation)
        let padding = original.utf8.count - codeLine.utf8.count
        #expect(
          generated == String(repeating: " ", count: max(0, padding)) + codeLine,
          "line \(number)", sourceLocation: sourceLocation)
      }
    }
  }

  /// `path:LINE:COL` of `needle` in line `number` of `text` (columns count UTF-8 bytes).
  private func errorLocation(of needle: String, inLine number: Int, of text: String, path: String)
    throws -> String
  {
    let lines = TextLines(Array(text.utf8))
    let line = String(decoding: lines.content(of: try #require(lines[number])), as: UTF8.self)
    let range = try #require(line.range(of: needle))
    return
      "\(path):\(number):\(line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1)"
  }

  /// The `FILE:LINE:COL: error: MESSAGE` lines of a compiler's output.
  private func errorHeaders(_ output: String) -> [(location: String, message: String)] {
    output.split(separator: "\n").compactMap { line in
      guard let marker = line.range(of: ": error: ") else { return nil }
      let location = line[..<marker.lowerBound]
      let parts = location.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count >= 3,
        parts.suffix(2).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
      else { return nil }
      return (String(location), String(line[marker.upperBound...]))
    }
  }

  private func hex(_ text: String) -> String {
    text.utf8.map { String($0, radix: 16) }.joined(separator: ".")
  }

  private func isIdentifierByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// The lesson name that `typeName(ofLesson:)` encoded, or nil when `typeName` is no encoding.
  private func decodedLessonName(_ typeName: String) -> String? {
    guard typeName.hasPrefix("Lesson_") else { return nil }
    var bytes: [UInt8] = []
    var rest = Array(typeName.utf8.dropFirst("Lesson_".utf8.count))[...]
    while let byte = rest.popFirst() {
      guard byte == UInt8(ascii: "_") else {
        bytes.append(byte)
        continue
      }
      guard rest.count >= 2,
        let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16)
      else { return nil }
      bytes.append(value)
      rest = rest.dropFirst(2)
    }
    return String(validating: bytes, as: UTF8.self)
  }
}

/// The `swiftc` on the `PATH`, to compile tangled lessons.
private enum Swiftc {
  static let url: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin"]
    return folders.map { URL(fileURLWithPath: $0).appendingPathComponent("swiftc") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  static let missing: Comment =
    "swiftc not found on the PATH (nor in /usr/bin): the tangled Swift is not compiled"

  /// Type-checks as the package builds, and reports the errors of every file, not just the first.
  static let typecheck = ["-typecheck", "-swift-version", "6", "-continue-building-after-errors"]

  static func required() throws -> URL { try #require(url) }
}

/// What a process exited with and wrote.
private struct ProcessResult {
  var status: Int32
  var output: String
  var errors: String
}

/// Runs `executable` in `directory`; its output goes through files, which never fill up.
private func run(_ executable: URL, _ arguments: [String], in directory: URL) throws
  -> ProcessResult
{
  let outputURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
  let errorsURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
  try Data().write(to: outputURL)
  try Data().write(to: errorsURL)
  let output = try FileHandle(forWritingTo: outputURL)
  let errors = try FileHandle(forWritingTo: errorsURL)
  defer {
    try? output.close()
    try? errors.close()
  }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
    errors: String(decoding: try Data(contentsOf: errorsURL), as: UTF8.self))
}

/// A folder under the temporary directory, removed with its files when released.
private final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-tangle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes each text to its file name in the folder.
  func write(_ files: [String: String]) throws {
    for (name, text) in files {
      try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }
  }
}
