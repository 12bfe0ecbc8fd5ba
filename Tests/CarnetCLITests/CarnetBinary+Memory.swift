import Foundation

extension CarnetBinary {
  /// Runs `carnet` with `arguments` in `directory` like `run`, and returns, besides, its peak
  /// resident memory in bytes (`wait4`'s `ru_maxrss`). Its output goes through files, so that
  /// a flood cannot block it on a pipe.
  static func runMeasuringMemory(
    _ arguments: [String], in directory: URL
  ) throws -> (result: Result, peakBytes: Int) {
    let outputPath = directory.appendingPathComponent(".carnet-stdout").path
    let errorPath = directory.appendingPathComponent(".carnet-stderr").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    // The shell changes folder, then becomes carnet (exec keeps the process and its usage).
    let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, url.path]
    let argv = (command + arguments).map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
    guard status == 0 else { throw CocoaError(.executableLoad) }
    var exit: Int32 = 0
    var usage = rusage()
    while wait4(pid, &exit, 0, &usage) < 0, errno == EINTR {}
    let result = Result(
      status: (exit >> 8) & 0xFF,
      standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
      standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    return (result, usage.ru_maxrss * 1024)
  }
}
