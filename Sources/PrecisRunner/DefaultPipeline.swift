/// The pipeline `precis run` uses without `--pipeline`: the same text as
/// `pipelines/default.yaml` (a test checks that they are equal).
public enum DefaultPipeline {
  /// The name shown in messages and the manifest.
  public static let name = "default (built in)"

  /// The YAML text.
  public static let yaml = """
    # The default pipeline: what `precis run` does without --pipeline.
    version: 1
    input:
      encoding: auto                  # or utf-8, windows-1252 …; auto asks ICU's detector
    stages:
      - kind: normalize
        form: nfc                     # nfkc only on purpose: it folds "²" to "2"
      - kind: detect                  # --lang overrides
      - kind: split
        suppressions: true            # ICU's abbreviation list for the language
      - kind: classify                # headings, list items, page furniture: kept out of translators' way
    outputs:
      - format: tsv                   # NAME.segments.tsv: id, source, target, notes
      - format: jsonl                 # NAME.segments.jsonl: one object per segment

    """
}
