import CarnetDocument

/// The files `carnet init` writes: a course of its own, a SwiftPM package that depends on
/// Carnet and publishes its lessons with `swift run course render`.
enum CourseTemplate {
  /// The name of the first lesson, compiled into `carnet` as a fixture so that `init` can render
  /// it (`Sources/Lessons/Fixtures/premiers-pas.md` holds the same text).
  static let firstLessonName = "premiers-pas"

  /// The first lesson.
  static let firstLesson = #"""
    ---
    lang: fr
    ---
    # Premiers pas

    Bienvenue dans votre cours ! Chaque bloc de code Swift marqué `cell=` est une cellule : Carnet
    la compile avec le cours, l’exécute, puis écrit sa sortie juste en dessous, dans `Output/`.

    ```swift cell=bonjour
    print("Bonjour !")
    ```

    Le temps est simulé : attendre ne coûte rien, et chaque sortie indique la durée simulée de sa
    cellule. Deux attentes lancées avec `async let` se chevauchent : la cellule dure 2 s, pas 3.

    ```swift cell=attentes
    func attendre(_ nom: String, secondes: Double) async throws -> String {
      try await Task.sleep(for: .seconds(secondes))
      print("\(nom) a fini")
      return nom
    }

    async let lent = attendre("lent", secondes: 2)
    async let rapide = attendre("rapide", secondes: 1)
    print("Résultats :", try await [lent, rapide])
    ```

    Les nombres aléatoires viennent d’un générateur initialisé pour chaque cellule (`seed=`) : chaque
    rendu donne les mêmes valeurs, et `swift run course check` peut vérifier que `Output/` est à jour.

    ```swift cell=des seed=7
    let des = (1...5).map { _ in Int.random(in: 1...6) }
    print("Dés :", des)
    ```

    """#

  /// `Package.swift`, for a package `name` whose dependency on Carnet is `dependency` (a
  /// `.package(...)` expression).
  static func manifest(name: String, dependency: String) -> String {
    """
    // swift-tools-version: 6.1
    import PackageDescription

    // A course published with Carnet: the lessons of Notebooks/ are compiled into the `course`
    // command by Carnet's TangleLessons plugin, and `swift run course render` writes Output/.
    // A release build on Linux links the Swift runtime and Foundation statically, as Carnet's
    // own `carnet` does: `render` starts two processes (the command and its cell worker), and a
    // statically linked one starts in about a quarter of the time.
    let staticStandardLibrary = ["-static-stdlib"]
    let inReleaseOnLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

    let package = Package(
      name: \(LessonTangle.swiftStringLiteral(name)),
      platforms: [.macOS(.v15)],
      dependencies: [
        \(dependency)
      ],
      targets: [
        .executableTarget(
          name: "course",
          dependencies: [.product(name: "CarnetCommands", package: "carnet")],
          swiftSettings: [.unsafeFlags(staticStandardLibrary, inReleaseOnLinux)],
          linkerSettings: [.unsafeFlags(staticStandardLibrary, inReleaseOnLinux)],
          plugins: [.plugin(name: "TangleLessons", package: "carnet")]
        )
      ],
      swiftLanguageModes: [.v6]
    )

    """
  }

  /// `Sources/course/main.swift`.
  static let main = """
    import CarnetCommands

    // The course's command: Carnet's command line, with the lessons of Notebooks/ compiled in.
    CarnetMain.run(lessons: LessonCatalog.registry)

    """

  /// `README.md` for the course `title`.
  static func readme(title: String) -> String {
    """
    # \(title)

    A course written as Markdown lessons (`Notebooks/*.md`) whose Swift cells run with
    [Carnet](https://github.com/carnet-swift/carnet); `Output/` holds each lesson with its
    outputs, as Markdown and as a web page.

    ## Quick start

    On Debian or Ubuntu with Swift 6 installed (each command installs `libcmark-dev` first if it
    is missing):

    ```sh
    .ci/setup && swift run course render   # run the lessons in Notebooks/ and write Output/
    .ci/setup && swift run course check    # check that Output/ is what the lessons give
    ```

    ## Writing a lesson

    Add a Markdown file to `Notebooks/`; a fenced block whose info string is `swift cell=ID` is a
    cell. `swift run course render` builds first, which compiles the cells: a compile error
    points at the lesson's own line. `swift run course list` lists the lessons and their cells.
    `Sources/course/Notebooks` is a link to `Notebooks/`: it lets a plain build see a new lesson.

    """
  }

  /// `.ci/setup`: installs cmark's library, which Carnet parses lessons with.
  static let setup = """
    #!/usr/bin/env bash
    # Installs what the course needs to build, when it is missing: cmark's library and pkg-config.
    set -euo pipefail
    if pkg-config --exists libcmark 2>/dev/null; then
      exit 0
    fi
    echo "setup: installing libcmark-dev and pkg-config (Debian packages)..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null
    pkg-config --exists libcmark || { echo "setup: libcmark still not found" >&2; exit 1; }

    """

  /// `.ci/run`: what CI runs.
  static let run = """
    #!/usr/bin/env bash
    # Continuous integration: the lessons build, run, and give exactly the committed Output/.
    set -euo pipefail
    cd "$(dirname "$0")/.."
    .ci/setup && swift run course check

    """

  /// `.gitignore`.
  static let gitignore = """
    .build/
    .build-*/
    .swiftpm/
    Package.resolved
    *.tmp

    """

  /// `.github/workflows/ci.yml`: `.ci/run` on GitHub Actions, in the Swift image.
  static let workflow = """
    name: CI
    on: [push, pull_request]
    jobs:
      check:
        runs-on: ubuntu-latest
        container: swift:6.1
        steps:
          - uses: actions/checkout@v4
          - run: .ci/run

    """
}
