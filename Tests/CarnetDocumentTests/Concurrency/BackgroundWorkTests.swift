import Dispatch
import Foundation
import Testing

@testable import CarnetDocument

@Suite struct BackgroundWorkTests {
  @Test func theValueIsWaitedForAndCanBeWaitedForAgain() {
    let work = BackgroundWork { (1...100).reduce(0, +) }
    #expect(work.wait() == 5050)
    #expect(work.wait(until: .now()) == 5050)
  }

  @Test func aDeadlineThatComesFirstGivesNilAndTheWorkGoesOn() {
    let release = DispatchSemaphore(value: 0)
    let work = BackgroundWork { () -> String in
      release.wait()
      return "fini"
    }
    #expect(work.wait(until: .now() + .milliseconds(20)) == nil)
    release.signal()
    #expect(work.wait() == "fini")
  }

  @Test func aThreadOfItsOwnHasTheStackItAsksFor() {
    let work = BackgroundWork(stackSize: 8 << 20) { Thread.current.stackSize }
    #expect(work.wait() == 8 << 20)
  }
}
