/// Rebuilds a translated document from a translated file and the document's layout.
///
/// Each segment becomes its target, or stays its source when it is not to be translated or
/// has no target yet; the text between segments comes from the layout unchanged, so the
/// original paragraphs, line breaks and spacing come back. Merging refuses, with one line
/// naming the file, the segment and what to do, when:
///
/// - an id in the file is not in the layout, a segment of the layout is missing from the
///   file, or an id comes twice (aligned text: the line counts differ);
/// - a segment's source differs from the layout's (the file belongs to another version);
/// - a target lost a code of its source (`{name}`, `%s`, `<br/>` …) or gained one.
public enum SegmentMerger {
  /// What `merge` did.
  public struct Result: Sendable, Hashable {
    /// The rebuilt document.
    public var text: String
    /// Segments whose target was used.
    public var translated: Int
    /// Translatable segments without a target, kept in the source language.
    public var untranslated: Int
  }

  /// Merges `file` into `layout`; `name` is the file's name in messages.
  public static func merge(_ file: TranslatedFile, layout: Skeleton, name: String)
    throws(MergeError) -> Result
  {
    func fail(_ reason: String) -> MergeError { MergeError(file: name, reason: reason) }
    var byID: [String: TranslatedEntry] = [:]
    var matched: [TranslatedEntry?]
    if file.isPositional {
      guard file.entries.count == layout.segments.count else {
        throw fail(
          "has \(file.entries.count) lines but the document has \(layout.segments.count) segments; line i must be segment i, so add or remove lines to match"
        )
      }
      matched = file.entries
    } else {
      let known = Set(layout.segments.map(\.id))
      for entry in file.entries {
        guard let id = entry.id else {
          throw fail(
            "a segment without an id\(place(entry)); every segment needs the id it was prepared with"
          )
        }
        guard known.contains(id) else {
          throw fail(
            "segment '\(id)'\(place(entry)) is not in the prepared document; ids must match the prepared file (was it prepared from another version?)"
          )
        }
        guard byID[id] == nil else {
          throw fail("segment '\(id)' comes twice\(place(entry)); keep one")
        }
        byID[id] = entry
      }
      matched = layout.segments.map { byID[$0.id] }
      if let missing = layout.segments.indices.first(where: {
        matched[$0] == nil && layout.segments[$0].isTranslatable
      }) {
        throw fail(
          "segment '\(layout.segments[missing].id)' is missing; ids must match the prepared file, so put it back (an empty target keeps the source)"
        )
      }
    }
    var out = ""
    var translated = 0
    var untranslated = 0
    for (index, segment) in layout.segments.enumerated() {
      let entry = matched[index]
      let label = entry?.id ?? segment.id
      guard let source = segment.source ?? entry?.source else {
        throw fail(
          "segment '\(label)' has no source text in the file or the skeleton; prepare the document again"
        )
      }
      if let fileSource = entry?.source, let layoutSource = segment.source,
        fileSource != layoutSource
      {
        throw fail(
          "the source of segment '\(label)'\(entry.map(place) ?? "") differs from the prepared document's; merge files prepared from this version"
        )
      }
      out += segment.before
      guard let entry, segment.isTranslatable, entry.isTranslatable, let target = entry.target,
        !target.isEmpty
      else {
        if segment.isTranslatable && entry?.isTranslatable != false { untranslated += 1 }
        out += source
        continue
      }
      // A file without the source (aligned text) is checked against the layout's source.
      let sourceCodes =
        entry.source != nil ? entry.sourceCodes : InlineCodeScanner.pieces(of: source).placeholders
      try checkCodes(
        source: sourceCodes, target: entry.targetCodes, label: "'\(label)'" + place(entry), fail)
      out += target
      translated += 1
    }
    out += layout.end
    return Result(text: out, translated: translated, untranslated: untranslated)
  }

  static func place(_ entry: TranslatedEntry) -> String { entry.line.map { " (line \($0))" } ?? "" }

  static func checkCodes(
    source: [String], target: [String], label: String, _ fail: (String) -> MergeError
  ) throws(MergeError) {
    var counts: [String: Int] = [:]
    for code in source { counts[code, default: 0] += 1 }
    for code in target { counts[code, default: 0] -= 1 }
    if let lost = source.first(where: { counts[$0, default: 0] > 0 }) {
      throw fail("segment \(label): the target lost the code \(lost); put it back where it belongs")
    }
    if let extra = target.first(where: { counts[$0, default: 0] < 0 }) {
      throw fail(
        "segment \(label): the target has the code \(extra) more often than the source; remove it")
    }
  }
}
