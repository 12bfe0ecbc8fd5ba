import CarnetRuntime

/// The few words Carnet adds to a rendered lesson, in the lesson's language (French or
/// English; English for every other language).
package struct PageStrings: Sendable {
  /// Label of an output block.
  var output: String
  /// Shown instead of an empty output.
  var noOutput: String
  /// Label of an error block.
  var error: String
  /// Added to the error label when the cell was expected to end that way.
  var expected: String
  /// Accessible name of a timeline.
  var timeline: String
  /// "task", for one.
  var taskSingular: String
  /// "tasks", for any other count.
  var taskPlural: String
  /// Legend and tooltip word for a sleeping task.
  var sleeping: String
  /// Legend words for a sleep cut short by cancellation.
  var cancelledSleep: String
  /// Legend word for a waiting task (alive, neither running nor sleeping).
  var waiting: String
  /// Legend word for the instants a task runs.
  var running: String
  /// Legend and tooltip word for a cancellation.
  var cancelled: String
  /// Legend and tooltip word for a task still suspended when the cell ended.
  var unfinished: String
  /// The words of a book's navigation.
  package var book: Book

  /// The words of the links between a book's pages.
  package struct Book: Sendable {
    /// Accessible name of the navigation bar.
    var navigation: String
    /// The link to the contents page.
    package var contents: String
    /// The link to the lesson before.
    var previous: String
    /// The link to the lesson after.
    var next: String
  }

  /// The strings for a language tag: French for `fr` and `fr-*`, English otherwise.
  package init(language: String) {
    let lowered = language.lowercased()
    self = lowered == "fr" || lowered.hasPrefix("fr-") ? .french : .english
  }

  private init(
    output: String, noOutput: String, error: String, expected: String,
    timeline: String, task: (String, String), sleeping: String, cancelledSleep: String,
    waiting: String,
    running: String, cancelled: String, unfinished: String, book: Book
  ) {
    self.output = output
    self.noOutput = noOutput
    self.error = error
    self.expected = expected
    self.timeline = timeline
    (taskSingular, taskPlural) = task
    self.sleeping = sleeping
    self.cancelledSleep = cancelledSleep
    self.waiting = waiting
    self.running = running
    self.cancelled = cancelled
    self.unfinished = unfinished
    self.book = book
  }

  /// "3 tasks", "1 task".
  func tasks(_ count: Int) -> String {
    "\(count) \(count == 1 ? taskSingular : taskPlural)"
  }

  /// The name drawn for lane `index` of a timeline: the one the code gave its task, as given,
  /// else `main` or `task 2` in this language (`tâche 2`).
  func laneName(_ lane: TaskTimeline.Lane, at index: Int) -> String {
    lane.name ?? TaskTimeline.generatedName(lane: index, task: taskSingular)
  }

  private static let english = PageStrings(
    output: "Output", noOutput: "(no output)", error: "Error", expected: "expected",
    timeline: "Timeline", task: ("task", "tasks"), sleeping: "sleeping",
    cancelledSleep: "sleep cancelled",
    waiting: "waiting", running: "running", cancelled: "cancelled", unfinished: "unfinished",
    book: Book(
      navigation: "Course navigation", contents: "Contents", previous: "Previous", next: "Next"))

  private static let french = PageStrings(
    output: "Sortie", noOutput: "(aucune sortie)", error: "Erreur", expected: "attendue",
    timeline: "Chronologie", task: ("tâche", "tâches"), sleeping: "en veille",
    cancelledSleep: "veille annulée",
    waiting: "en attente", running: "exécution", cancelled: "annulée", unfinished: "inachevée",
    book: Book(
      navigation: "Navigation du cours", contents: "Sommaire", previous: "Précédent",
      next: "Suivant"))
}
