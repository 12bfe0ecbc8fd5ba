import Testing

@testable import CarnetDocument

@Suite("Notebook: CellTag") struct NotebookCellTagTests {
  private func messages(_ info: String) -> [String] {
    do {
      _ = try CellTag.parse(info)
      return []
    } catch {
      return error.messages
    }
  }

  private func options(_ info: String) throws -> CellOptions {
    try #require(try CellTag.parse(info)).options
  }

  @Test(arguments: ["", "python cell=a", "Swift cell=a", "swiftly cell=a", "swift", "swift x y"])
  func prose(info: String) throws {
    #expect(try CellTag.parse(info) == nil)
  }

  @Test func minimalCell() throws {
    let tag = try #require(try CellTag.parse("swift cell=gather-2"))
    #expect(tag.id == "gather-2")
    #expect(tag.options == CellOptions())
  }

  @Test func everyOption() throws {
    let tag = try #require(
      try CellTag.parse("swift  cell=7up\texpect=error timeout=1.5s seed=42 hide=code"))
    #expect(tag.id == "7up")
    #expect(tag.options.expectsError)
    #expect(tag.options.timeout == .milliseconds(1500))
    #expect(tag.options.seed == 42)
    #expect(tag.options.hidesCode)
  }

  @Test func optionsInAnyOrder() throws {
    let tag = try #require(try CellTag.parse("swift seed=0 cell=a"))
    #expect(tag.id == "a")
    #expect(tag.options.seed == 0)
  }

  @Test func defaults() throws {
    let options = try options("swift cell=a")
    #expect(!options.expectsError)
    #expect(options.timeout == CellOptions.defaultTimeout)
    #expect(options.seed == nil)
    #expect(!options.hidesCode)
  }

  @Test(arguments: [
    ("10s", Duration.seconds(10)), ("1.5s", .milliseconds(1500)), ("500ms", .milliseconds(500)),
    ("2m", .seconds(120)), ("1h", .seconds(3600)), ("0.25h", .seconds(900)),
    ("0.001s", .milliseconds(1)), ("1.5ms", .microseconds(1500)), ("007s", .seconds(7)),
    ("0.000000000000000001s", Duration(secondsComponent: 0, attosecondsComponent: 1)),
    ("1.10s", .milliseconds(1100)), ("2.0m", .seconds(120)),
  ])
  func durations(text: String, duration: Duration) throws {
    #expect(try options("swift cell=a timeout=\(text)").timeout == duration)
  }

  @Test(arguments: [
    "", "10", "s", "0s", "0.0ms", "-1s", "+1s", "1.s", ".5s", "1e3s", "1,5s", "10sec",
    "5d", "0.0000000000000000001s", "99999999999999999999h", "1.5.0s", "١s",
  ])
  func invalidDurations(text: String) {
    #expect(
      messages("swift cell=a timeout=\(text)") == [
        "invalid timeout '\(text)': use a positive number followed by ms, s, m or h"
          + " (e.g. 10s, 1.5s, 500ms, 2m)"
      ])
  }

  @Test func seeds() throws {
    #expect(try options("swift cell=a seed=18446744073709551615").seed == .max)
    #expect(try options("swift cell=a seed=0042").seed == 42)
    for bad in ["-1", "+1", "18446744073709551616", "0x10", "1.0", ""] {
      #expect(
        messages("swift cell=a seed=\(bad)") == [
          "invalid seed '\(bad)': use a whole number from 0 to 18446744073709551615"
        ])
    }
  }

  @Test func expectAndHideValues() throws {
    #expect(
      messages("swift cell=a expect=failure") == [
        "invalid value 'failure' for option 'expect' (allowed: error, stall, timeout, compile-error)"
      ])
    #expect(try CellTag.parse("swift cell=a expect=stall")?.options.expectation == .stall)
    #expect(try CellTag.parse("swift cell=a expect=timeout")?.options.expectation == .timeout)
    #expect(try CellTag.parse("swift cell=a timeline=true")?.options.timeline == true)
    #expect(try CellTag.parse("swift cell=a timeline=false")?.options.timeline == false)
    #expect(try CellTag.parse("swift cell=a")?.options.timeline == nil)
    #expect(
      messages("swift cell=a timeline=yes") == [
        "invalid value 'yes' for option 'timeline' (allowed: true, false)"
      ])
    #expect(
      messages("swift cell=a hide=output") == [
        "invalid value 'output' for option 'hide' (allowed: code)"
      ])
  }

  @Test func cellIDs() throws {
    #expect(try CellTag.parse("swift cell=a-b-c-1")?.id == "a-b-c-1")
    #expect(try CellTag.parse("swift cell=0")?.id == "0")
    #expect(
      messages("swift cell=Gather") == [
        "malformed cell ID 'Gather': use lowercase letters, digits and hyphens"
      ])
    #expect(
      messages("swift cell=a_b") == [
        "malformed cell ID 'a_b': use lowercase letters, digits and hyphens"
      ])
    #expect(
      messages("swift cell=-a") == [
        "malformed cell ID '-a': use lowercase letters, digits and hyphens,"
          + " starting with a letter or digit"
      ])
    #expect(
      messages("swift cell=") == [
        "malformed cell ID '': use lowercase letters, digits and hyphens,"
          + " starting with a letter or digit"
      ])
    #expect(
      messages("swift cell=café") == [
        "malformed cell ID 'café': use lowercase letters, digits and hyphens"
      ])
  }

  @Test func missingCell() {
    #expect(messages("swift seed=1") == ["'swift' block has options but no cell=ID"])
  }

  @Test func notKeyValue() {
    #expect(
      messages("swift cell=a foo") == ["word 'foo' in a cell's info string is not key=value"])
    #expect(
      messages("swift cell=a =x") == ["word '=x' in a cell's info string is not key=value"])
  }

  @Test func givenTwice() {
    #expect(messages("swift cell=a seed=1 seed=2") == ["option 'seed' given twice"])
    #expect(messages("swift cell=a cell=b") == ["option 'cell' given twice"])
  }

  @Test func unknownOptionsWithSuggestions() {
    let known = "(known: cell, shared, expect, timeout, seed, hide, timeline)"
    #expect(
      messages("swift cell=a seeed=1") == [
        "unknown cell option 'seeed' \(known); did you mean 'seed'?"
      ])
    #expect(
      messages("swift cell=a timout=1s") == [
        "unknown cell option 'timout' \(known); did you mean 'timeout'?"
      ])
    #expect(
      messages("swift Cell=a") == [
        "unknown cell option 'Cell' \(known); did you mean 'cell'?",
        "'swift' block has options but no cell=ID",
      ])
    #expect(
      messages("swift cell=a expects=error") == [
        "unknown cell option 'expects' \(known); did you mean 'expect'?"
      ])
    #expect(messages("swift cell=a colour=red") == ["unknown cell option 'colour' \(known)"])
  }

  @Test func allProblemsAreCollected() throws {
    let error = try #require(throws: CellTagError.self) {
      try CellTag.parse("swift cell=Bad foo seed=x seed=1 hide=all")
    }
    #expect(error.id == nil)
    #expect(
      error.messages == [
        "malformed cell ID 'Bad': use lowercase letters, digits and hyphens",
        "word 'foo' in a cell's info string is not key=value",
        "invalid seed 'x': use a whole number from 0 to 18446744073709551615",
        "option 'seed' given twice",
        "invalid value 'all' for option 'hide' (allowed: code)",
      ])
  }

  @Test func errorKeepsAWellFormedID() throws {
    let error = try #require(throws: CellTagError.self) {
      try CellTag.parse("swift cell=ok expect=no")
    }
    #expect(error.id == "ok")
  }
}
