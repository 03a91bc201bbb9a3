import Foundation

/// Turns names (owners, segments, competitors, tags) into page slugs.
///
/// Latin letters are folded to ASCII (`Müller` → `muller`, `Straße` → `strasse`); a name with letters
/// that cannot be folded (`王丽`) gets a stable hash, so its slug never changes. Names that differ only
/// in case or spacing are the same name; different names that would share a slug all get their hash
/// appended, so two names never share a page. A slug that Windows keeps for a device (`con`, `nul`,
/// `com1`…) gets its hash too, so the site can be copied to a Windows file share.
public struct NameSlugger: Sendable {
    /// Slugs by normalized name.
    private var slugs: [String: String] = [:]

    /// Assigns slugs to every name at once, so collisions are seen whatever the order.
    public init<Names: Sequence>(names: Names) where Names.Element == String {
        let keys = Set(names.map(Self.key))
        var byBase: [String: [String]] = [:]
        for key in keys.sorted() {
            byBase[Self.base(for: key), default: []].append(key)
        }
        for (base, keys) in byBase {
            for key in keys {
                slugs[key] = keys.count == 1 ? base : "\(base)-\(Self.hash(key))"
            }
        }
    }

    /// The slug of `name` (one of the names given at creation, in any case or spacing).
    public func slug(for name: String) -> String {
        let key = Self.key(name)
        return slugs[key] ?? Self.base(for: key)
    }

    /// Whether `name` (in any case or spacing) is one of the names given at creation.
    public func knows(_ name: String) -> Bool {
        slugs[Self.key(name)] != nil
    }

    /// Names are the same when they differ only in case and spacing.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let foldings: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// Names Windows keeps for devices: a folder called `con` or `nul` cannot be made or opened there,
    /// so a site copied to a Windows file share would lose the page.
    static let windowsDeviceNames: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    private static func base(for key: String) -> String {
        var folded = ""
        var hasUnfoldable = false
        for character in key {
            if let replacement = foldings[character] {
                folded += replacement
                continue
            }
            if let ascii = character.asciiValue {
                // Folding leaves ASCII as it is; asking Foundation for each character made a long name take minutes.
                let plain = Character(Unicode.Scalar(ascii))
                folded.append(plain.isLetter || plain.isNumber ? plain : "-")
                continue
            }
            let plain = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            for scalar in plain.unicodeScalars {
                if scalar.isASCII {
                    let ascii = Character(scalar)
                    folded.append(ascii.isLetter || ascii.isNumber ? ascii : "-")
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    hasUnfoldable = true
                } else {
                    folded.append("-")
                }
            }
        }
        let words = folded.split(separator: "-", omittingEmptySubsequences: true)
        var slug = words.joined(separator: "-")
        if slug.count > 60 { slug = String(slug.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
        if hasUnfoldable || slug.isEmpty || windowsDeviceNames.contains(slug) {
            slug = slug.isEmpty ? "n-\(hash(key))" : "\(slug)-\(hash(key))"
        }
        return slug
    }

    /// Eight hex digits of the FNV-1a hash of the name's UTF-8 bytes: stable across runs and machines.
    static func hash(_ key: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.suffix(8))
    }
}
