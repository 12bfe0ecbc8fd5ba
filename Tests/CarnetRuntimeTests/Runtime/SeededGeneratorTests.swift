import CarnetTestSupport
import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

@Suite struct SeededGeneratorTests {
  @Test func theSameSeedGivesTheSameSequence() {
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    let a = (0..<100).map { _ in first.next() }
    let b = (0..<100).map { _ in second.next() }
    #expect(a == b)
    #expect(Set(a).count == 100)
  }

  @Test func cellIDsSeedDifferentSequences() {
    var gather = SeededGenerator(cellID: "gather")
    var pipeline = SeededGenerator(cellID: "pipeline")
    #expect(gather.next() != pipeline.next())
  }

  @Test func theSequenceIsStableAcrossReleases() {
    // Pinned: changing the generator changes every lesson's random output.
    var generator = SeededGenerator(seed: 0)
    #expect(generator.next() == 0x99EC_5F36_CB75_F2B4)
  }

  @Test func cellsDrawFromTheirOwnSeed() {
    let draw: @Sendable () async throws -> Void = {
      var random = CellRandomNumberGenerator()
      CellTestSupport.say("\(Int.random(in: 0..<1_000_000, using: &random))")
    }
    let once = CellTestSupport.run("dice", draw)
    let twice = CellTestSupport.run("dice", draw)
    let other = CellTestSupport.run("other", draw)
    #expect(once.output == twice.output)
    #expect(once.output != other.output)
  }
}
