import CarnetTestSupport
import Foundation
import Synchronization
import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

@Suite struct CaptureIsolationTests {
  /// Several cells run at once on different threads; each output holds only its own lines.
  @Test func capturesNeverMixBetweenCellsOnDifferentThreads() {
    let cellCount = 8
    let results = Mutex<[Int: CellRun]>([:])
    let group = DispatchGroup()
    for index in 0..<cellCount {
      group.enter()
      let thread = Thread {
        let run = CellTestSupport.run("cell-\(index)") {
          await withTaskGroup(of: Void.self) { tasks in
            for worker in 0..<4 {
              tasks.addTask {
                for step in 0..<200 {
                  CellTestSupport.say("cell \(index) worker \(worker) step \(step)")
                  if step % 3 == 0 { await Task.yield() }
                  if step % 50 == 0 { try? await CellTestSupport.nap(.milliseconds(10)) }
                }
              }
            }
          }
        }
        results.withLock { $0[index] = run }
        group.leave()
      }
      thread.start()
    }
    group.wait()
    let runs = results.withLock { $0 }
    #expect(runs.count == cellCount)
    for (index, run) in runs {
      let lines = run.output.split(separator: "\n")
      #expect(lines.count == 4 * 200)
      #expect(lines.allSatisfy { $0.hasPrefix("cell \(index) ") })
    }
  }

  @Test func outputPrintedAfterTheCellEndedIsKeptApart() {
    let transcript = Transcript(cellID: "escaper")
    transcript.write("during\n")
    #expect(transcript.seal() == "during\n")
    transcript.write("too late\n")
    let late = LateOutputLog.shared.drain().filter { $0.cellID == "escaper" }
    #expect(
      late == [LateOutputLog.Entry(cellID: "escaper", text: "too late\n", kind: .afterItEnded)])
  }

  @Test func aFloodOfOutputIsCutWithAVisibleNote() {
    let transcript = Transcript(cellID: "flood", limit: 10)
    transcript.write("12345678")
    transcript.write("éé")
    transcript.write("more")
    #expect(
      transcript.seal() == "12345678é\n[carnet: output cut at 10 bytes; 6 more bytes dropped]\n")
  }
}
