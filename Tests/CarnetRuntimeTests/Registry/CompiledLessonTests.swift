import CarnetDocument
import Testing

@testable import CarnetRuntime

@Suite("Registry: CompiledLesson")
struct RegistryCompiledLessonTests {
  @Test func findsACellByIDTheFirstWhenTwoShareOne() throws {
    let cells = (0..<10_000).map { index in CompiledCell("cellule-\(index)") {} }
    let lesson = CompiledLesson(
      name: "livre", sourcePath: "Notebooks/livre.md", fingerprint: "",
      cells: cells + [
        CompiledCell("cellule-7", compileCheck: CompileCheck(compiles: false, diagnostics: []))
      ])
    #expect(lesson.cell(id: "cellule-9999")?.id == "cellule-9999")
    #expect(lesson.cell(id: "cellule-7")?.compileCheck == nil)
    #expect(lesson.cell(id: "absente") == nil)
  }
}
