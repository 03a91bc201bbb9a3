/// The rules for account slugs: `[a-z0-9][a-z0-9-]*`, and not a name Windows keeps for a device
/// (`con`, `nul`, `com1`…), whose folder a site copied to a Windows file share could not hold.
public enum Slug {
    /// Whether `text` is a valid slug.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, isAlphanumeric(first), !NameSlugger.windowsDeviceNames.contains(text) else { return false }
        return text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
