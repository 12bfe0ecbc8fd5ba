extension HTMLStyle {
  /// The style of a book's pages, added to `css` only on them (a lesson page with navigation,
  /// the contents page): the navigation bar (three columns, which wrap to two rows on a phone,
  /// long titles broken rather than overflowing; hidden in print) and the list of lessons.
  static let bookCSS = #"""

    .book { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0.5rem 1.25rem; align-items: start; max-width: 48rem; margin: 0 auto;
      padding: 0.75rem 1.25rem; font-size: 0.92rem; line-height: 1.35; }
    .book-top { border-bottom: 1px solid var(--border); }
    .book-bottom { border-top: 1px solid var(--border); margin-bottom: 1.5rem; }
    .book a { display: block; min-width: 0; text-decoration: none; overflow-wrap: anywhere; }
    .book a:hover .book-title, .book a:focus-visible .book-title {
      text-decoration: underline; }
    .book .book-word { display: block; font-size: 0.72rem; font-weight: 700;
      letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
    .book-previous { grid-column: 1; }
    .book-contents { grid-column: 2; text-align: center; }
    .book-next { grid-column: 3; text-align: right; }
    .book-index { padding-left: 1.75rem; }
    .book-index li { margin: 0.5rem 0; font-size: 1.1rem; }

    @media (max-width: 40rem) {
      .book { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.6rem 1rem;
        padding: 0.6rem 0.75rem; }
      .book-contents { grid-column: 1 / -1; grid-row: 1; }
      .book-previous { grid-column: 1; grid-row: 2; }
      .book-next { grid-column: 2; grid-row: 2; }
    }

    @media print {
      .book { display: none; }
    }

    """#
}
