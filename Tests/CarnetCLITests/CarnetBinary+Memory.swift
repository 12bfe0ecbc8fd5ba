import Foundation

extension CarnetBinary {
  /// Runs `carnet` with `arguments` in `directory` like `run`, and returns, besides, its peak
  /// resident memory in bytes, and its workers' (the largest of them).
  ///
  /// A small Python parent starts it and reads `RUSAGE_CHILDREN`: a child started by this test
  /// process would count this process's own memory (shared until `exec`) as its peak.
  static func runMeasuringMemory(
    _ arguments: [String], in directory: URL
  ) throws -> (result: Result, peakBytes: Int) {
    let script = """
      import resource, subprocess, sys
      run = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=open('.carnet-stderr', 'wb'))
      print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
      """
    let result = try run(
      [url.path] + arguments, in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"),
      prefix: ["python3", "-c", script])
    let words = result.standardOutput.split(separator: " ")
    guard words.count == 2, let status = Int32(words[0]),
      let peak = Int(words[1].trimmingCharacters(in: .whitespacesAndNewlines))
    else { throw CocoaError(.executableLoad) }
    let errors = try String(
      contentsOf: directory.appendingPathComponent(".carnet-stderr"), encoding: .utf8)
    return (Result(status: status, standardOutput: "", standardError: errors), peak * 1024)
  }
}
