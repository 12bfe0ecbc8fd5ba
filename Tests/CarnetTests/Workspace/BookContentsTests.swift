import Foundation
import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Workspace: BookContents")
struct BookContentsTests {
  private static let path = "Notebooks/contents.txt"
  private static let lessons = ["demo.md", "async.md", "bases.md", "zeta.md"]

  private func parse(_ text: String) throws(InputError) -> BookContents {
    try BookContents.parse(text: text, path: Self.path, lessons: Self.lessons)
  }

  /// The messages of the error `text` gives, one line each.
  private func errors(_ text: String) -> [String] {
    do throws(InputError) {
      let contents = try parse(text)
      Issue.record("expected an error, got \(contents)")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test("a title, then lessons in order; blank lines and comments are ignored")
  func titleAndOrder() throws {
    let text = """
      // A course
      # Programmation asynchrone // en Swift

      demo.md
        bases.md   // after the demo
      // zeta.md
      """
    let contents = try parse(text)
    #expect(contents.title == "Programmation asynchrone // en Swift")
    #expect(contents.order == ["demo.md", "bases.md", "async.md", "zeta.md"])
  }

  @Test("lessons not listed come after the listed ones, in file-name order")
  func unlistedLessons() throws {
    #expect(try parse("zeta.md\n").order == ["zeta.md", "async.md", "bases.md", "demo.md"])
    #expect(try parse("").order == ["async.md", "bases.md", "demo.md", "zeta.md"])
    #expect(try parse("").title == nil)
    #expect(BookContents(lessons: Self.lessons) == (try parse("// nothing\n")))
  }

  @Test("CRLF and CR line endings, tabs and a byte order mark are read like LF")
  func lineEndings() throws {
    let expected = BookContents(
      title: "Titre", order: ["bases.md", "demo.md", "async.md", "zeta.md"])
    #expect(try parse("\u{FEFF}# Titre\r\n\r\nbases.md\r\n\tdemo.md\t\r\n") == expected)
    #expect(try parse("# Titre\rbases.md\rdemo.md") == expected)
  }

  @Test("a name that is not a lesson of the folder is an error at its line")
  func unknownLesson() {
    #expect(
      errors("# T\ndemo.md\nx.md\n") == [
        "Notebooks/contents.txt:3: error: no lesson 'x.md' in this folder"
      ])
    #expect(
      errors("dmeo.md\nbases\nNotebooks/zeta.md\n") == [
        "Notebooks/contents.txt:1: error: no lesson 'dmeo.md' in this folder; "
          + "did you mean 'demo.md'?",
        "Notebooks/contents.txt:2: error: no lesson 'bases' in this folder; "
          + "did you mean 'bases.md'?",
        "Notebooks/contents.txt:3: error: no lesson 'Notebooks/zeta.md' in this folder; "
          + "write the file name only: 'zeta.md'",
      ])
  }

  @Test("a lesson listed twice is an error naming both lines")
  func listedTwice() {
    #expect(
      errors("demo.md\n\nbases.md\n demo.md // again\n") == [
        "Notebooks/contents.txt:4: error: lesson 'demo.md' is listed twice (first at line 1)"
      ])
  }

  @Test("the title must come first, once, and not be empty; every error is reported")
  func titleErrors() {
    #expect(
      errors("demo.md\n# Late\n#\nnope.md\n") == [
        "Notebooks/contents.txt:2: error: the course title ('# Title') must be the first line, "
          + "and only one",
        "Notebooks/contents.txt:3: error: the course title ('# Title') must be the first line, "
          + "and only one",
        "Notebooks/contents.txt:4: error: no lesson 'nope.md' in this folder",
      ])
    #expect(
      errors("#   \n") == [
        "Notebooks/contents.txt:1: error: empty course title: write '# Title', or no '#' line"
      ])
    #expect(
      errors("# One\n# Two\n") == [
        "Notebooks/contents.txt:2: error: the course title ('# Title') must be the first line, "
          + "and only one"
      ])
  }

  @Test("read(folder:) uses contents.txt when there is one, else the file-name order")
  func readFolder() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-contents-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lessons = ["b.md", "a.md"]
    #expect(try BookContents.read(folder: folder, lessons: lessons).order == ["a.md", "b.md"])
    try AtomicFile.write("# Cours\nb.md\n", to: folder + "/contents.txt")
    let read = try BookContents.read(folder: folder + "/", lessons: lessons)
    #expect(read == BookContents(title: "Cours", order: ["b.md", "a.md"]))
    try AtomicFile.write("other.md\n", to: folder + "/contents.txt")
    do throws(InputError) {
      _ = try BookContents.read(folder: folder, lessons: lessons)
      Issue.record("a name that is not a lesson must be refused")
    } catch {
      #expect(
        error.description == "\(folder)/contents.txt:1: error: no lesson 'other.md' in this folder")
    }
    try AtomicFile.write([0x62, 0xFF, 0x0A], to: folder + "/contents.txt")
    do throws(InputError) {
      _ = try BookContents.read(folder: folder, lessons: lessons)
      Issue.record("invalid UTF-8 must be refused")
    } catch {
      #expect(error.description == "\(folder)/contents.txt: error: not valid UTF-8")
    }
  }
}
