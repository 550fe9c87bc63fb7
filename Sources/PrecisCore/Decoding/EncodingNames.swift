import PrecisICU

/// Whether ICU has a converter for the encoding `name` (such as `windows-1252`).
public func isKnownEncoding(_ name: String) -> Bool {
  Converter.canonicalName(name) != nil
}
