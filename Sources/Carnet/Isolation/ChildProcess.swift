import Foundation

/// A child process started with `posix_spawn`, its stdin, stdout and stderr connected to pipes.
/// (Foundation's `Process` polls for the child's exit, which costs up to 100 ms per worker.)
struct ChildProcess {
  /// Why the child could not be started.
  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  /// The child's process ID.
  let pid: pid_t
  /// Writing end of the child's stdin.
  let input: Int32
  /// Reading end of the child's stdout.
  let output: Int32
  /// Reading end of the child's stderr.
  let error: Int32

  /// Starts `executable` with `arguments` and `environment`.
  static func spawn(
    executable: String, arguments: [String], environment: [String: String]
  ) throws(SpawnError) -> ChildProcess {
    signal(SIGPIPE, SIG_IGN)
    var stdinPipe: [Int32] = [-1, -1]
    var stdoutPipe: [Int32] = [-1, -1]
    var stderrPipe: [Int32] = [-1, -1]
    guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
      throw SpawnError(description: "cannot create pipes: \(String(cString: strerror(errno)))")
    }
    // Only the child's standard streams survive exec (dup2 clears close-on-exec on them).
    for fd in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], STDIN_FILENO)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], STDERR_FILENO)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] { close(fd) }
    guard status == 0 else {
      for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] { close(fd) }
      throw SpawnError(
        description: "cannot start \(executable): \(String(cString: strerror(status)))")
    }
    return ChildProcess(pid: pid, input: stdinPipe[1], output: stdoutPipe[0], error: stderrPipe[0])
  }

  /// Writes all of `bytes` to the child's stdin; false when the child is gone.
  func write(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.write(input, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  /// Closes the child's stdin, which tells a worker to finish.
  func closeInput() { close(input) }

  /// Waits for the child to exit: the signal that killed it, if any, and its status.
  func waitForExit() -> (signal: Int32?, status: Int32) {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let signal = status & 0x7F
    return signal != 0 ? (signal, signal) : (nil, (status >> 8) & 0xFF)
  }

  /// Kills the child at once (`waitForExit` reaps it).
  func kill() {
    _ = Glibc.kill(pid, SIGKILL)
  }

  /// Closes the parent's ends of the pipes.
  func closePipes() {
    for fd in [output, error] { close(fd) }
  }
}
