import Testing

@testable import CarnetRuntime

@Suite struct WorkerProcessTests {
  @Test func theTailBufferKeepsOnlyTheLastBytesWhateverArrives() {
    let buffer = TailBuffer(limit: 4)
    for chunk in ["ab", "cdef", "g"] { buffer.append(ArraySlice(chunk.utf8)) }
    #expect(buffer.take() == Array("defg".utf8))
    #expect(buffer.take().isEmpty)
    buffer.append(ArraySlice("0123456789".utf8))
    #expect(buffer.take() == Array("6789".utf8))
  }

  @Test func aCrashMessageIsTheRuntimesLineNotWhatCellsWrote() {
    let text = "texte d’une cellule\nFatal error: panne\nencore du texte\n"
    #expect(
      ProcessCellRunner.crashMessage(text, signal: 4, status: 4) == "Fatal error: panne")
    let overflow = ProcessCellRunner.crashMessage("texte d’une cellule\n", signal: 11, status: 11)
    #expect(overflow == "a bad memory access (a stack overflow, or unsafe code)")
    let exited = ProcessCellRunner.crashMessage("adieu\n", signal: nil, status: 3)
    #expect(exited == "the worker process exited with status 3 in the middle of the cell")
  }

  @Test func theChannelSitsAtTheTopOfTheDescriptorRange() {
    let channel = WorkerChannel.standard
    #expect(channel.requests > 200)
    #expect(channel.messages == channel.requests + 1)
    #expect(channel.capturedOutput == channel.requests - 1)
  }

  @Test func aWorkerReadsItsChannelFromExactlyTheArgumentsItIsGiven() {
    let channel = WorkerChannel.standard
    #expect(WorkerChannel(arguments: channel.arguments) == channel)
    #expect(WorkerChannel(arguments: ["--messages-fd", "9", "--requests-fd", "8"]) == nil)
    #expect(WorkerChannel(arguments: ["--requests-fd", "8", "--messages-fd"]) == nil)
    #expect(WorkerChannel(arguments: ["--requests-fd", "8", "--messages-fd", "neuf"]) == nil)
    #expect(WorkerChannel(arguments: channel.arguments + ["--help"]) == nil)
  }
}
