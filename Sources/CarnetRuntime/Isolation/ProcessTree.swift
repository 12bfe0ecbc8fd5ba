import CProcessControl
import Foundation
import Synchronization

/// The processes a worker's cells started, found in `/proc` by their parent links (a cell may
/// start them in process groups of their own, as Foundation's `Process` does, out of reach of
/// the worker's group).
enum ProcessTree {
  /// Kills, with SIGKILL, every living descendant of this process (all found first, then
  /// killed: a killed process's children would move to another parent).
  static func killDescendants() {
    var descendants: [pid_t] = []
    var frontier = [getpid()]
    while let parent = frontier.popLast() {
      let children = children(of: parent)
      descendants += children
      frontier += children
    }
    for process in descendants { _ = kill(process, SIGKILL) }
  }

  /// The workers alive, which `killOrphans` spares. Spawning holds the lock, so that a worker is
  /// never seen before it is registered.
  static let workers = Mutex<Set<pid_t>>([])

  /// Makes `carnet` the subreaper of what its workers start (once): a process a cell started,
  /// whose worker crashed, becomes `carnet`'s child instead of init's, and `killOrphans` ends it.
  static let adoptsOrphans: Void = {
    _ = carnet_become_child_subreaper()
  }()

  /// The environment variable that marks a worker, and so what its cells start: its value is
  /// `carnet`'s process ID.
  static let marker = "CARNET_WORKER_OF"

  /// Kills and reaps this process's children that are not live workers but carry the marker of
  /// its workers: what cells of crashed workers started, adopted as orphans. (Other children,
  /// such as what a test runner starts, are left alone.)
  static func killOrphans() {
    let mark = Array("\(marker)=\(getpid())".utf8)
    workers.withLock { workers in
      for child in children(of: getpid()) where !workers.contains(child) {
        guard let environment = FileManager.default.contents(atPath: "/proc/\(child)/environ"),
          environment.split(separator: 0).contains(where: { $0.elementsEqual(mark) })
        else { continue }
        _ = kill(child, SIGKILL)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
      }
    }
  }

  /// The children of `process`, from `/proc/PID/task/*/children` (Linux): only its own
  /// entries are read, not every process's; from the parent links when those files are missing.
  private static func children(of process: pid_t) -> [pid_t] {
    let folder = "/proc/\(process)/task"
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var children: [pid_t] = []
    for task in tasks {
      guard let list = FileManager.default.contents(atPath: "\(folder)/\(task)/children") else {
        return parentLinks().filter { $0.1 == process }.map(\.0)
      }
      children += list.split(separator: UInt8(ascii: " ")).compactMap {
        pid_t(String(decoding: $0, as: UTF8.self))
      }
    }
    return children
  }

  /// Each process's parent, read from `/proc/PID/stat` (Linux); empty elsewhere.
  private static func parentLinks() -> [(pid_t, pid_t)] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return []
    }
    return names.compactMap { name -> (pid_t, pid_t)? in
      guard let pid = pid_t(name),
        let stat = FileManager.default.contents(atPath: "/proc/\(name)/stat"),
        let closing = stat.lastIndex(of: UInt8(ascii: ")"))
      else { return nil }
      // After the command name in parentheses: " STATE PPID ...".
      let fields = stat[(closing + 1)...].split(separator: UInt8(ascii: " "))
      guard fields.count > 1, let parent = pid_t(String(decoding: fields[1], as: UTF8.self))
      else { return nil }
      return (pid, parent)
    }
  }
}
