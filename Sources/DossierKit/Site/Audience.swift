/// Who a build is for, and so whether it shows the private parts of dossiers: the `private:` mapping
/// and the Markdown sections whose heading ends with `{private}`.
///
/// A site names its audiences in `dossier.yml` (`audiences: {team: {private: true}}`) and picks one
/// with `default_audience:`; `--audience NAME` picks another for one run. A site that names none has
/// the two built-in audiences, `company` (the default: private parts left out) and `team`.
public struct Audience: Sendable, Equatable {
    public var name: String
    /// Private parts are shown, marked as private; otherwise they reach no output at all.
    public var showsPrivate: Bool

    public init(name: String, showsPrivate: Bool) {
        self.name = name
        self.showsPrivate = showsPrivate
    }

    /// The audiences of a site whose settings name none.
    public static let builtin = [Audience(name: "company", showsPrivate: false), Audience(name: "team", showsPrivate: true)]
    /// The audience of a site whose settings name none, when no `--audience` is given.
    public static let builtinDefault = "company"
    /// The audience of a build when the settings name audiences but no default: private parts left out.
    public static let unnamedDefault = Audience(name: "", showsPrivate: false)
}
