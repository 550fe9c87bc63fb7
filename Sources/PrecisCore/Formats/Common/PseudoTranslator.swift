/// Makes pseudo-translations: text a product can show to prove it displays translations
/// whole, without waiting for translators.
///
/// ASCII letters get accents (`a` → `á`), the text grows by about 30 % (a run of `~` before
/// the closing bracket, 30 % of the segment's length, rounded up), and the whole segment is
/// bracketed: `Save {name}?` → `[Šávé {name}? ~~~]`. Placeholders, URLs, e-mail
/// addresses and code stay as they are.
public enum PseudoTranslator {
  static let accents: [UInt8: String] = {
    let plain = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    let accented = Array("áƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ")
    var map: [UInt8: String] = [:]
    for (p, a) in zip(plain, accented) { map[p] = String(a) }
    return map
  }()

  /// The pseudo-translation of a segment's pieces; codes and protected pieces unchanged.
  public static func translate(_ pieces: [InlinePiece]) -> [InlinePiece] {
    var result: [InlinePiece] = [.text("[")]
    var length = 0
    for piece in pieces {
      switch piece {
      case let .text(s):
        var out = ""
        out.reserveCapacity(s.utf8.count * 2)
        for scalar in s.unicodeScalars {
          length += 1
          if scalar.isASCII, let accented = accents[UInt8(scalar.value)] {
            out += accented
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
        result.append(.text(out))
      case .placeholder, .protected:
        length += piece.text.unicodeScalars.count
        result.append(piece)
      }
    }
    let padding = (length * 3 + 9) / 10
    result.append(.text(padding > 0 ? " " + String(repeating: "~", count: padding) + "]" : "]"))
    return merged(result)
  }

  /// Adjacent text pieces joined.
  static func merged(_ pieces: [InlinePiece]) -> [InlinePiece] {
    var out: [InlinePiece] = []
    for piece in pieces {
      if case let .text(s) = piece, case let .text(previous)? = out.last {
        out[out.count - 1] = .text(previous + s)
      } else if case .text("") = piece {
        continue
      } else {
        out.append(piece)
      }
    }
    return out
  }
}

extension PreparedSegment {
  /// The target pieces for `fill`, or `nil` for an empty target. Segments not to be
  /// translated get a copy of the source whenever a target is written.
  public func targetPieces(_ fill: TargetFill) -> [InlinePiece]? {
    switch fill {
    case .empty: nil
    case .copySource: pieces
    case .pseudo: isTranslatable ? PseudoTranslator.translate(pieces) : pieces
    }
  }
}
