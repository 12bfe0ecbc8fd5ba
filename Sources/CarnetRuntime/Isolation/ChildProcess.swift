import Foundation

/// A worker child process started with `posix_spawn`, in a process group of its own, with two
/// pipes for its protocol on descriptors far from the ones a cell opens or writes to by accident,
/// its stdin `/dev/null` and its stdout and stderr on one pipe.
/// (Foundation's `Process` polls for the child's exit, which costs up to 100 ms per worker.)
struct ChildProcess {
  /// Why the child could not be started.
  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  /// The child's process ID, also the ID of its process group.
  let pid: pid_t
  /// Writing end of the child's request pipe.
  let requests: Int32
  /// Reading end of the child's message pipe.
  let messages: Int32
  /// Reading end of the child's stdout and stderr.
  let error: Int32

  /// Starts `executable` with `arguments` and `environment`; the child finds its request and
  /// message pipes at the descriptors `channel` names.
  static func spawn(
    executable: String, arguments: [String], environment: [String: String],
    channel: WorkerChannel
  ) throws(SpawnError) -> ChildProcess {
    signal(SIGPIPE, SIG_IGN)
    var requestPipe: [Int32] = [-1, -1]
    var messagePipe: [Int32] = [-1, -1]
    var errorPipe: [Int32] = [-1, -1]
    guard pipe(&requestPipe) == 0, pipe(&messagePipe) == 0, pipe(&errorPipe) == 0 else {
      throw SpawnError(description: "cannot create pipes: \(String(cString: strerror(errno)))")
    }
    // Only the descriptors placed by dup2 survive exec (dup2 clears close-on-exec on them).
    for fd in requestPipe + messagePipe + errorPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
    posix_spawn_file_actions_adddup2(&actions, requestPipe[0], channel.requests)
    posix_spawn_file_actions_adddup2(&actions, messagePipe[1], channel.messages)
    // A group of its own: a cell signalling its group (`kill(0, SIGTERM)`) reaches the worker
    // and what it started, never `carnet`; and killing the group ends them all.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    ProcessTree.adoptsOrphans
    var pid: pid_t = 0
    let status = ProcessTree.workers.withLock { workers in
      let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
      if status == 0 { workers.insert(pid) }
      return status
    }
    for fd in [requestPipe[0], messagePipe[1], errorPipe[1]] { close(fd) }
    guard status == 0 else {
      for fd in [requestPipe[1], messagePipe[0], errorPipe[0]] { close(fd) }
      throw SpawnError(
        description: "cannot start \(executable): \(String(cString: strerror(status)))")
    }
    return ChildProcess(
      pid: pid, requests: requestPipe[1], messages: messagePipe[0], error: errorPipe[0])
  }

  /// Writes all of `bytes` to the child's request pipe; false when the child is gone.
  func sendRequest(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        write(requests, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  /// Closes the child's request pipe, which tells a worker to finish.
  func closeRequests() { close(requests) }

  /// Waits for the child to exit, until `deadline` at most (forever when nil): the signal that
  /// killed it, if any, and its status; nil if it is still running at the deadline. Once it has
  /// exited, and before it is reaped (so that its process ID cannot be reused meanwhile), ends
  /// what is left of its group; then the orphans it left (processes a cell started in groups of
  /// their own): nothing outlives the worker.
  func waitForExit(deadline: ContinuousClock.Instant? = nil) -> (signal: Int32?, status: Int32)? {
    var info = siginfo_t()
    let options = WEXITED | WNOWAIT | (deadline == nil ? 0 : WNOHANG)
    while true {
      info.si_signo = 0
      if waitid(P_PID, id_t(pid), &info, options) < 0 {
        guard errno == EINTR else { break }
        continue
      }
      if info.si_signo != 0 { break }
      guard let deadline, ContinuousClock.now < deadline else { return nil }
      usleep(2000)
    }
    _ = kill(-pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    _ = ProcessTree.workers.withLock { $0.remove(pid) }
    ProcessTree.killOrphans()
    let signal = status & 0x7F
    return signal != 0 ? (signal, signal) : (nil, (status >> 8) & 0xFF)
  }

  /// Kills the child and its whole process group at once (`waitForExit` reaps it).
  func killGroup() {
    _ = kill(-pid, SIGKILL)
    _ = kill(pid, SIGKILL)
  }

  /// Closes the parent's reading ends.
  func closePipes() {
    for fd in [messages, error] { close(fd) }
  }
}

/// Where a worker finds its protocol pipes: two descriptors at the top of the range a process
/// may open (usually 1021 and 1022), out of reach of a cell that closes or writes to the
/// low-numbered descriptors it did not open.
public struct WorkerChannel: Sendable, Equatable {
  /// The descriptor the worker reads requests from.
  package var requests: Int32
  /// The descriptor the worker writes messages to.
  package var messages: Int32

  /// The worker's own reading end of its captured standard output.
  var capturedOutput: Int32 { requests - 1 }

  /// Names the two descriptors.
  public init(requests: Int32, messages: Int32) {
    self.requests = requests
    self.messages = messages
  }

  /// The channel for a worker of this process: just under the soft limit of open files (at most
  /// 1024, the usual one).
  static var standard: WorkerChannel {
    var limit = rlimit()
    let top =
      Self.readOpenFileLimit(into: &limit)
      ? min(Int(limit.rlim_cur), 1024) : 256
    let requests = Int32(max(top, 16) - 3)
    return WorkerChannel(requests: requests, messages: requests + 1)
  }

  /// Reads the soft and hard limits of open files; false if they cannot be read.
  private static func readOpenFileLimit(into limit: inout rlimit) -> Bool {
    #if os(Linux)
      getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
    #else
      getrlimit(RLIMIT_NOFILE, &limit) == 0
    #endif
  }

  /// The worker's command-line arguments that name the channel.
  var arguments: [String] {
    ["--requests-fd", String(requests), "--messages-fd", String(messages)]
  }

  /// The channel that `arguments` names, when `words` are exactly those arguments; nil for any
  /// other words. A worker reads its channel this way at start-up, before (and instead of) a
  /// command-line parser, whose first use costs milliseconds of a process start.
  package init?(arguments words: some Collection<String>) {
    let words = Array(words)
    guard words.count == 4, words[0] == "--requests-fd", words[2] == "--messages-fd",
      let requests = Int32(words[1]), let messages = Int32(words[3])
    else { return nil }
    self.init(requests: requests, messages: messages)
  }
}
