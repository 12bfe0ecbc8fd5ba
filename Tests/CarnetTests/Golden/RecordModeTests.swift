import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Golden: RecordMode")
struct GoldenRecordModeTests {
  @Test("CARNET_RECORD=1, true or yes records", arguments: ["1", "true", "yes", "TRUE", " Yes "])
  func records(value: String) {
    #expect(RecordMode.from(environment: ["CARNET_RECORD": value]) == .all)
    #expect(RecordMode.from(environment: ["CARNET_RECORD": value, "CI": ""]) == .all)
  }

  @Test("other values or no CARNET_RECORD never record", arguments: ["", "0", "no", "false", "2"])
  func otherValues(value: String) {
    #expect(RecordMode.from(environment: ["CARNET_RECORD": value]) == .never)
  }

  @Test("no variables: never")
  func empty() {
    #expect(RecordMode.from(environment: [:]) == .never)
    #expect(RecordMode.from(environment: ["PATH": "/usr/bin"]) == .never)
  }

  @Test("on CI nothing is recorded, whatever CARNET_RECORD says")
  func continuousIntegration() {
    #expect(RecordMode.from(environment: ["CARNET_RECORD": "1", "CI": "true"]) == .never)
    #expect(RecordMode.from(environment: ["CARNET_RECORD": "yes", "CI": "1"]) == .never)
    #expect(RecordMode.from(environment: ["CI": "true"]) == .never)
  }
}
