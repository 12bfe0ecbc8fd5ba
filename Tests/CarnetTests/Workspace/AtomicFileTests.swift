import Foundation
import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Workspace: AtomicFile")
struct WorkspaceAtomicFileTests {
  /// A fresh empty directory, removed by the caller.
  private func makeDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
  }

  private func contents(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  @Test("a lesson's files are written all or none")
  func writesAllOrNone() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try AtomicFile.write("ancien md", to: directory + "/a.md")
    try FileManager.default.createDirectory(
      atPath: directory + "/a.html", withIntermediateDirectories: false)
    #expect(throws: AtomicFileError.self) {
      try AtomicFile.write(all: [
        RenderedFile(path: directory + "/a.md", text: "nouveau md"),
        RenderedFile(path: directory + "/a.html", text: "html"),
      ])
    }
    #expect(FileManager.default.contents(atPath: directory + "/a.md") == Data("ancien md".utf8))
    #expect(try contents(directory) == ["a.html", "a.md"])
    try FileManager.default.removeItem(atPath: directory + "/a.html")
    try AtomicFile.write(all: [
      RenderedFile(path: directory + "/a.md", text: "nouveau md"),
      RenderedFile(path: directory + "/a.html", text: "html"),
    ])
    #expect(FileManager.default.contents(atPath: directory + "/a.md") == Data("nouveau md".utf8))
    #expect(FileManager.default.contents(atPath: directory + "/a.html") == Data("html".utf8))
    #expect(try contents(directory) == ["a.html", "a.md"])
  }

  @Test("writes a new file and leaves no temporary file")
  func writesNewFile() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/lesson.md"
    try AtomicFile.write("été 🎉\r\nfin", to: path)
    #expect(FileManager.default.contents(atPath: path) == Data("été 🎉\r\nfin".utf8))
    #expect(try contents(directory) == ["lesson.md"])
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o644)
  }

  @Test("replaces an existing file, keeping its mode")
  func replaces() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/out.md"
    try AtomicFile.write("old content that is longer\n", to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    try AtomicFile.write([0x6E, 0x65, 0x77, 0x0A], to: path)
    #expect(FileManager.default.contents(atPath: path) == Data("new\n".utf8))
    #expect(try contents(directory) == ["out.md"])
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test("writes an empty file")
  func empty() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try AtomicFile.write("", to: directory + "/empty.md")
    #expect(FileManager.default.contents(atPath: directory + "/empty.md") == Data())
  }

  @Test("writing into a missing directory fails naming the path and the reason")
  func missingDirectory() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/missing/out.md"
    #expect {
      try AtomicFile.write("x", to: path)
    } throws: { error in
      let description = String(describing: error)
      return description == "cannot write \(path): No such file or directory"
        && !description.contains("\n")
    }
    #expect(try contents(directory) == [])
  }

  @Test("a failed rename removes the temporary file and keeps the destination")
  func failedRename() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/taken"
    try FileManager.default.createDirectory(
      atPath: path + "/inside", withIntermediateDirectories: true)
    #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: path) }
    #expect(try contents(directory) == ["taken"])
    #expect(try contents(path) == ["inside"])
  }
}
