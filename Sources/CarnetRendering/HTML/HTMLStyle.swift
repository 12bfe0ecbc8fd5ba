/// The style sheet inlined in every page: system fonts only, readable on a phone (code scrolls
/// sideways, never the page; of a timeline's two charts, the narrow one shows under 40rem, the
/// wide one elsewhere and in print), and printable (code wraps, cells stay whole).
/// Text colours have a contrast ratio of at least 4.5:1 with their background.
enum HTMLStyle {
  /// The CSS text (no `<` nor `&`, so that it is also valid XML character data).
  static let css = #"""
    :root {
      --text: #1f2328; --muted: #57606a; --border: #d0d7de; --code-bg: #f6f8fa;
      --accent: #0969da; --ok: #1a7f37; --ok-text: #116329;
      --error: #b42318; --error-bg: #fef3f2; --error-border: #fda29b; --error-text: #7a271a;
      --note-bg: #eef5ff; --sleep: #79c0ff; --sleep-edge: #0969da; --run: #1f2328;
      --wait: #6e7781; --cancel: #cf222e; --unfinished: #9a6700; --sleep-cancelled: #ffd8d3;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
        sans-serif;
      --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #fff; color: var(--text); font: 17px/1.6 var(--sans); }
    .lesson { max-width: 48rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    .lesson > :first-child { margin-top: 0; }
    p, li { overflow-wrap: break-word; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2rem 0 0.75rem; }
    h1 { font-size: 2rem; }
    h2 { font-size: 1.45rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.2rem; }
    a { color: var(--accent); }
    img { max-width: 100%; height: auto; }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
    table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
    th, td { border: 1px solid var(--border); padding: 0.3rem 0.7rem; }
    th { background: var(--code-bg); }
    code, pre { font-family: var(--mono); }
    code { font-size: 0.88em; background: var(--code-bg); padding: 0.1em 0.3em;
      border-radius: 4px; }
    pre { margin: 0; padding: 0.75rem 1rem; font-size: 0.84rem; line-height: 1.5;
      overflow-x: auto; tab-size: 4; }
    pre code { font-size: inherit; background: none; padding: 0; border-radius: 0; }
    .lesson pre { background: var(--code-bg); border: 1px solid var(--border);
      border-radius: 6px; margin: 1rem 0; }
    blockquote { margin: 1.25rem 0; padding: 0.6rem 1rem; background: var(--note-bg);
      border-left: 4px solid var(--accent); border-radius: 0 6px 6px 0; }
    blockquote > :first-child { margin-top: 0; }
    blockquote > :last-child { margin-bottom: 0; }

    .cell { margin: 1.25rem 0; border: 1px solid var(--border); border-radius: 8px;
      overflow: hidden; background: #fff; }
    .cell pre { margin: 0; border: 0; border-radius: 0; background: none; }
    .cell > pre.code { background: var(--code-bg); border-bottom: 1px solid var(--border); }
    .cell > :last-child { border-bottom: 0; }
    .cell .label { margin: 0; padding: 0.45rem 1rem 0; font: 700 0.72rem/1.4 var(--sans);
      letter-spacing: 0.06em; text-transform: uppercase; }
    .cell .time, .cell .expected-note { font-weight: 400; letter-spacing: 0;
      text-transform: none; color: var(--muted); }
    .output { border-left: 4px solid var(--ok); }
    .output .label { color: var(--ok-text); }
    .output pre { padding-top: 0.3rem; }
    .output .empty { margin: 0; padding: 0.2rem 1rem 0.6rem; color: var(--muted);
      font-style: italic; font-size: 0.9rem; }
    .error { background: var(--error-bg); border-left: 4px solid var(--error);
      border-top: 1px solid var(--error-border); }
    .error .label { color: var(--error); }
    .error .label::before { content: "\2716\00a0"; }
    .error pre { padding-top: 0.3rem; color: var(--error-text); font-weight: 600;
      white-space: pre-wrap; overflow-wrap: anywhere; }
    .error .expected-note { color: var(--error-text); }

    .tok-kw { color: #9b2393; font-weight: 600; }
    .tok-str { color: #a31515; }
    .tok-interp { color: #0550ae; font-weight: 600; }
    .tok-com { color: #57606a; font-style: italic; }
    .tok-num { color: #1c00cf; }
    .tok-type { color: #0b4f79; }
    .tok-attr { color: #7d4e00; }

    .timeline { margin: 0; padding: 0.6rem 0.5rem 0.5rem; border-top: 1px solid var(--border); }
    .timeline-scroll { overflow-x: auto; }
    .timeline-chart { display: block; width: 100%; max-width: 48rem; height: auto; }
    .timeline-chart.narrow { display: none; max-width: 26rem; }
    .timeline-chart.narrow text { font-size: 14px; }
    .timeline-chart.narrow .axis text { font-size: 12px; }
    .timeline-chart text { font: 13px var(--sans); fill: var(--text); }
    .timeline-chart .lane-name { font-weight: 600; }
    .timeline-chart .unfinished .lane-name { font-style: italic; }
    .timeline-chart .lane-bg { fill: #f6f8fa; }
    .timeline-chart .grid line { stroke: #e1e6eb; stroke-width: 1; }
    .timeline-chart .axis line { stroke: var(--wait); stroke-width: 1; }
    .timeline-chart .axis text { font-size: 12px; fill: var(--muted); }
    .timeline-chart .wait { stroke: var(--wait); stroke-width: 1.5; stroke-dasharray: 4 3; }
    .timeline-chart .sleep { fill: var(--sleep); stroke: var(--sleep-edge); stroke-width: 1; }
    .timeline-chart .sleep.cancelled { fill: var(--sleep-cancelled); stroke: var(--cancel);
      stroke-dasharray: 3 2; }
    .timeline-chart .run { stroke: var(--run); stroke-width: 2; }
    .timeline-chart .cancel path { fill: none; stroke: var(--cancel); stroke-width: 2.5;
      stroke-linecap: round; }
    .timeline-chart .unfinished-mark { fill: var(--unfinished); }
    .timeline figcaption { display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem;
      padding: 0.3rem 0.5rem 0; font-size: 0.8rem; color: var(--muted); }
    .timeline .key { display: inline-flex; align-items: center; gap: 0.4rem;
      white-space: nowrap; }
    .timeline .swatch { display: inline-block; width: 1.3rem; height: 0.65rem; }
    .timeline .swatch-sleep { background: var(--sleep); border: 1px solid var(--sleep-edge);
      border-radius: 2px; }
    .timeline .swatch-sleep-cancelled { background: var(--sleep-cancelled);
      border: 1px dashed var(--cancel); border-radius: 2px; }
    .timeline .swatch-wait { height: 0; border-top: 2px dashed var(--wait); }
    .timeline .swatch-run { width: 2px; height: 1rem; background: var(--run); }
    .timeline .swatch-cancel { width: auto; height: auto; color: var(--cancel);
      font-weight: 700; }
    .timeline .swatch-cancel::before { content: "\2715"; }
    .timeline .swatch-unfinished { width: 0; height: 0; border-left: 0.55rem solid
      var(--unfinished); border-top: 0.4rem solid transparent;
      border-bottom: 0.4rem solid transparent; }

    @media (max-width: 40rem) {
      body { font-size: 16px; }
      .lesson { padding: 1rem 0.75rem 3rem; }
      h1 { font-size: 1.6rem; }
      h2 { font-size: 1.3rem; }
      pre { font-size: 0.8rem; padding: 0.6rem 0.75rem; }
      .cell .label { padding-left: 0.75rem; }
      .timeline { padding: 0.4rem 0.25rem; }
      .timeline-chart.wide { display: none; }
      .timeline-chart.narrow { display: block; }
    }

    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-size: 10.5pt; }
      .lesson { max-width: none; padding: 0; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; font-size: 9pt; }
      .output, .error, .timeline, tr { break-inside: avoid; }
      h1, h2, h3, h4 { break-after: avoid; }
      .timeline-scroll, table { overflow: visible; }
      .timeline-chart { min-width: 0; max-width: 100%; }
      .timeline-chart.wide { display: block; }
      .timeline-chart.narrow { display: none; }
      a { color: inherit; }
      a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
    }

    """#
}
