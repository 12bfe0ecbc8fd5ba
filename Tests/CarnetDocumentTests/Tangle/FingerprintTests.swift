import Testing

@testable import CarnetDocument

@Suite struct FingerprintTests {
  @Test func isFNV1aOfTheUTF8Bytes() {
    // FNV-1a 64 of "" and of "a" (the reference values).
    #expect(Fingerprint.hex(of: "") == "cbf29ce484222325")
    #expect(Fingerprint.hex(of: "a") == "af63dc4c8601ec8c")
  }

  @Test func addingTextsInTurnDigestsTheTextsJoined() {
    var fingerprint = Fingerprint()
    fingerprint.add("struct L {".utf8)
    fingerprint.add([UInt8](" é\n".utf8))
    fingerprint.add("}".utf8)
    #expect(fingerprint.hex == Fingerprint.hex(of: "struct L { é\n}"))
  }
}
