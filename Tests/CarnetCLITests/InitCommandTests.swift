import Foundation
import Testing

/// `carnet init DIR`, through the binary: a ready course, its first lesson rendered by Carnet,
/// and a folder that is not empty refused.
@Suite struct InitCommandTests {
  @Test func initWritesACourseWithItsFirstLessonRendered() throws {
    let scratch = try Scratch()
    let result = try CarnetBinary.run(
      ["init", "mon-cours", "--carnet-path", PackageFiles.root.path], in: scratch.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError
        == "created the course mon-cours\nnext: cd mon-cours && .ci/setup && swift run course render\n"
    )
    for file in [
      "Package.swift", "Sources/course/main.swift", "README.md", ".ci/setup", ".ci/run",
      ".gitignore", ".github/workflows/ci.yml", "Output/premiers-pas.md",
      "Output/premiers-pas.html",
    ] {
      #expect(scratch.exists("mon-cours/" + file), "\(file)")
    }
    // The first lesson is the fixture compiled into carnet, so carnet could render it.
    let lesson = try #require(scratch.read("mon-cours/Notebooks/premiers-pas.md"))
    #expect(lesson == (try PackageFiles.text(PackageFiles.fixtures + "premiers-pas.md")))
    let rendered = try #require(scratch.read("mon-cours/Output/premiers-pas.md"))
    #expect(rendered.contains("```output time=2.0s\nrapide a fini\nlent a fini\n"))
    let link = try FileManager.default.destinationOfSymbolicLink(
      atPath: scratch.url.appendingPathComponent("mon-cours/Sources/course/Notebooks").path)
    #expect(link == "../../Notebooks")
    let manifest = try #require(scratch.read("mon-cours/Package.swift"))
    #expect(manifest.contains(".package(name: \"carnet\", path: \""))
    #expect(manifest.contains("plugins: [.plugin(name: \"TangleLessons\", package: \"carnet\")]"))
    let run = try FileManager.default.attributesOfItem(
      atPath: scratch.url.appendingPathComponent("mon-cours/.ci/run").path)
    #expect((run[.posixPermissions] as? Int) == 0o755)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    #expect(leftovers.sorted() == ["Notebooks", "mon-cours"])
  }

  @Test func byDefaultTheCourseDependsOnCarnetByURL() throws {
    let scratch = try Scratch()
    let result = try CarnetBinary.run(
      ["init", "cours", "--carnet-url", "https://example.org/carnet.git"], in: scratch.url)
    #expect(result.status == 0)
    #expect(
      scratch.read("cours/Package.swift")?.contains(
        ".package(url: \"https://example.org/carnet.git\", branch: \"main\")") == true)
  }

  @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws {
    let scratch = try Scratch()
    try scratch.write("mes notes", to: "Notebooks/notes.txt")
    let result = try CarnetBinary.run(["init", "Notebooks"], in: scratch.url)
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "Notebooks: error: not empty; carnet init writes a course into a new or empty folder\n")
    let entries = try FileManager.default.contentsOfDirectory(
      atPath: scratch.url.appendingPathComponent("Notebooks").path)
    #expect(entries == ["notes.txt"])
  }

  @Test func aCarnetPathWithoutCarnetIsAUsageError() throws {
    let scratch = try Scratch()
    let result = try CarnetBinary.run(
      ["init", "cours", "--carnet-path", "Notebooks"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.standardError.contains("--carnet-path Notebooks: no Carnet package"))
    #expect(!scratch.exists("cours"))
  }
}
