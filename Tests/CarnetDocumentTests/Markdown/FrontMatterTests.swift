import Testing

@testable import CarnetDocument

@Suite("Markdown: FrontMatter") struct FrontMatterTests {
  @Test("front matter: opening and closing lines, lang values, and what is not front matter")
  func frontMatterParsing() {
    let bom = "\u{FEFF}---\nlang: \"fr\"\n...\nText\n"
    #expect(FrontMatter.parse(bom) == FrontMatter(language: "fr", end: 22))
    #expect(FrontMatter.parse("---  \nlang:de\n---\n")?.language == "de")
    #expect(FrontMatter.parse("---\nlang: fr_FR!\n---\n") == FrontMatter(language: nil, end: 21))
    #expect(FrontMatter.parse("---\ntitle: x\n---")?.language == nil)
    #expect(FrontMatter.parse("\n---\nlang: fr\n---\n") == nil)
    #expect(FrontMatter.parse("---\nlang: fr\n") == nil)
    #expect(FrontMatter.parse("----\nlang: fr\n----\n") == nil)
    let text = "---\r\nlang: fr\r\n---\r\n# T\n"
    let blanked = FrontMatter.parse(text).map { $0.blankedLines(of: text) }
    #expect(blanked == Array("\r\n\r\n\r\n".utf8))
  }
}
