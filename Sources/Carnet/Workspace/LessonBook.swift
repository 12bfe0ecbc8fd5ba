import CarnetDocument
import CarnetRendering
import CarnetRuntime
import Foundation

/// A folder of lessons published as a book: its lessons in order, with their titles, the
/// contents pages (`index.html`, and `index.md` for readers of the repository), and the links
/// from each lesson page to the contents and to the previous and next lessons.
package struct LessonBook: Sendable {
  /// The book's title: the first line of `contents.txt` (`# Title`), else the word for
  /// "contents" in the book's language.
  package var title: String
  /// The language of the contents page: `--lang`, else the first lesson's front matter, else
  /// English.
  package var language: String
  /// The lessons, in the book's order: `contents.txt`'s, else by file name.
  package var lessons: [Lesson]
  /// One entry per lesson, in the same order.
  package var entries: [BookEntry]
  /// The folder the pages go to.
  package var outputDirectory: String

  /// The book of the lessons of `folder` that could be loaded (`lessons`, in any order), among
  /// `lessonFiles`, the file names of all its lessons.
  ///
  /// - Throws: `InputError` when `contents.txt` is wrong, or a lesson is named `index` (its page
  ///   would be the contents page).
  package init(
    folder: String, lessonFiles: [String], lessons: [Lesson], outputDirectory: String,
    options: HTMLOptions
  ) throws(InputError) {
    if let index = lessons.first(where: { $0.notebook.name == "index" }) {
      throw InputError(
        Diagnostic(
          path: index.notebook.path,
          message: "a lesson of a book cannot be named index: its page would replace the"
            + " book's contents (index.html); rename it"))
    }
    let contents = try BookContents.read(folder: folder, lessons: lessonFiles)
    let byFile = Dictionary(
      lessons.map { (Self.fileName(of: $0.notebook.path), $0) }, uniquingKeysWith: { a, _ in a })
    self.lessons = contents.order.compactMap { byFile[$0] }
    entries = self.lessons.map { BookEntry(notebook: $0.notebook) }
    let frontMatter = self.lessons.first?.notebook.markdown.frontMatter
    language = HTMLRenderer.language(options: options, frontMatter: frontMatter)
    title = contents.title ?? PageStrings(language: language).book.contents
    self.outputDirectory = outputDirectory
  }

  /// The book that `paths` (what the user asked to render) stand for, or nil: a single folder
  /// of two lessons or more, or with a `contents.txt` (one lesson alone is not a book, unless
  /// the folder says it is). `lessons` are the folder's lessons that could be loaded.
  ///
  /// - Throws: `InputError` as `init` does.
  package static func of(
    paths: [String], lessons: [Lesson], outputDirectory: String, options: HTMLOptions
  ) throws(InputError) -> LessonBook? {
    var isDirectory: ObjCBool = false
    guard paths.count == 1, let folder = paths.first,
      FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    let files = LessonDiscovery.lessonFiles(in: paths).files.map(fileName(of:))
    let hasContents = FileManager.default.fileExists(
      atPath: (folder as NSString).appendingPathComponent(BookContents.fileName))
    guard files.count >= 2 || hasContents else { return nil }
    return try LessonBook(
      folder: folder, lessonFiles: files, lessons: lessons, outputDirectory: outputDirectory,
      options: options)
  }

  /// The links of lesson `index`'s page.
  package func navigation(at index: Int) -> PageNavigation {
    PageNavigation(
      entries: entries, at: index, contents: PageLink(href: "index.html", title: title))
  }

  /// The contents pages: `index.html`, and `index.md` when Markdown is written too.
  package func files(formats: [OutputFormat]) -> [RenderedFile] {
    let folder = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
    var files: [RenderedFile] = []
    if formats.contains(.html) {
      files.append(
        RenderedFile(
          path: folder + "index.html",
          text: BookIndex.html(title: title, language: language, entries: entries)))
    }
    if formats.contains(.markdown) {
      files.append(
        RenderedFile(
          path: folder + "index.md", text: BookIndex.markdown(title: title, entries: entries)))
    }
    return files
  }

  private static func fileName(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
