extension Strings {
    /// The built-in theme's English strings: the language of `check` and of the rule listing.
    public static let english = builtin("en")

    /// The built-in theme's strings for `language`.
    static func builtin(_ language: String) -> Strings {
        let path = "strings/\(language).yml"
        return parse(BuiltinTheme.files[path] ?? "", language: language, path: "templates/\(path)").0
    }

    /// An empty table, for a language whose strings could not be read.
    init(language: String) {
        self.language = language
    }
}
