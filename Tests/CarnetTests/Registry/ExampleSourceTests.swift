import Testing

@testable import Carnet

private let probe = Example("probe") {
  let answer = 6 * 7
  _ = answer
}

@Suite struct ExampleSourceTests {
  @Test func readsTheBodyOfTheExampleClosure() throws {
    let source = try ExampleSource.read(probe)
    #expect(source.lines == ["  let answer = 6 * 7", "  _ = answer"])
    #expect(source.firstLine == probe.line + 1)
    #expect(source.displayPath.hasSuffix("Tests/CarnetTests/Registry/ExampleSourceTests.swift"))
  }

  @Test func aMissingSourceFileIsAnInputError() {
    let lost = Example("lost", file: "/nonexistent/Lost.swift", line: 3) {}
    #expect(throws: InputError.self) { try ExampleSource.read(lost) }
  }

  @Test func registryFindsExamplesAndSuggestsCloseIDs() {
    let registry = ExampleRegistry([probe, Example("gather") {}, Example("gather") {}])
    #expect(registry.example(id: "probe") != nil)
    #expect(registry.closestID(to: "gahter") == "gather")
    #expect(registry.closestID(to: "completely-different") == nil)
    #expect(registry.duplicateIDs == ["gather"])
  }
}
