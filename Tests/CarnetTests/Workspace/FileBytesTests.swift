import Foundation
import Testing

@testable import Carnet

@Suite("Workspace: FileBytes")
struct WorkspaceFileBytesTests {
  @Test func readsAWholeFileEmptyOrLongAndNothingThatCannotBeRead() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-bytes-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let long = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try Data(long).write(to: URL(fileURLWithPath: directory + "/long"))
    try Data().write(to: URL(fileURLWithPath: directory + "/empty"))
    #expect(FileBytes.read(directory + "/long") == long)
    #expect(FileBytes.read(directory + "/empty") == [])
    #expect(FileBytes.read(directory + "/missing") == nil)
    #expect(FileBytes.read(directory) == nil)  // a folder cannot be read
  }
}
