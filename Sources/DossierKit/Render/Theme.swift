import Foundation
import Mustache

/// The templates, stylesheets, script and strings pages are rendered with: the built-in theme, with any
/// file the site overrides in its own `templates/` folder. Other `.mustache` files there are registered
/// as partials, so an override can use `{{> my-partial}}`.
public struct Theme: Sendable {
    /// Templates every theme has, by name (file name without `.mustache`).
    public static let templateNames = ["layout", "index", "account", "brief", "stages", "stage", "directory", "group", "owner", "meetings", "search",
                                        "offerings", "offering", "accounts", "findings"]
    /// Partials of the built-in theme, which a site may override like the templates.
    public static let partialNames = ["going-well", "portfolio-going-well", "whitespace", "pager"]
    /// Files copied to `assets/` in the output.
    public static let assetNames = ["style.css", "brief.css", "search.js"]

    var library: MustacheLibrary
    /// Asset contents by file name.
    var assets: [String: String]
    /// The labels in the site's language.
    var strings: Strings

    /// Loads the theme for the site at `siteRoot` in `language`; syntax errors come back with their positions.
    public static func load(siteRoot: URL, language: String = "en") -> (Theme?, [Diagnostic]) {
        load(ThemeFiles.read(with: SiteReader(siteRoot: siteRoot)), language: language)
    }

    /// Makes the theme from the site's theme files, read before, and the built-in ones.
    static func load(_ files: ThemeFiles, language: String) -> (Theme?, [Diagnostic]) {
        var library = MustacheLibrary()
        var assets: [String: String] = [:]
        var strings = Strings(language: language)
        var diagnostics: [Diagnostic] = []
        let stringsFile = "strings/\(language).yml"
        for fileName in (templateNames + partialNames).map({ $0 + ".mustache" }) + files.extraPartials + assetNames + [stringsFile] {
            let path = "templates/\(fileName)"
            guard let text = text(of: fileName, in: files, diagnostics: &diagnostics) else { continue }
            if fileName == stringsFile {
                let (parsed, problems) = Strings.parse(text, language: language, path: path)
                strings = parsed
                diagnostics += problems
            } else if fileName.hasSuffix(".mustache") {
                do {
                    _ = FastHTMLEscaping.isRegistered
                    let template = try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
                    library.register(template, named: String(fileName.dropLast(".mustache".count)))
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma line is ours: report positions in the file as written.
                    let line = max(1, error.context.lineNumber - 1)
                    let location = SourceLocation(path: path, line: line, column: error.context.columnNumber)
                    diagnostics.append(Diagnostic(.error, .templateSyntax(describe(error.error)), at: location, in: .template))
                } catch {
                    diagnostics.append(Diagnostic(.error, .templateSyntax("\(error)"), at: SourceLocation(path: path), in: .template))
                }
            } else {
                assets[fileName] = text
            }
        }
        return (diagnostics.isEmpty ? Theme(library: library, assets: assets, strings: strings) : nil, diagnostics)
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, with context: Context) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// The site's own file of that name, or the built-in one; a file reached through a link out of the
    /// site is an error (`SiteFile`).
    private static func text(of fileName: String, in files: ThemeFiles, diagnostics: inout [Diagnostic]) -> String? {
        let path = "templates/\(fileName)"
        let data: [UInt8]
        switch files[fileName] {
        case .bytes(let bytes): data = bytes
        case .missing: return BuiltinTheme.files[fileName] ?? ""
        case .refused(let problem):
            diagnostics.append(Diagnostic(.error, problem, at: SourceLocation(path: path), in: .template))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(Diagnostic(.error, .invalidUTF8, at: SourceLocation(path: path), in: .template))
            return nil
        }
        return text
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not finished; close it with }}"
        case .expectedSectionEnd: return "a section is never closed; add {{/name}}"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside an inherited partial"
        case .textInsideInheritSection: return "text is not allowed directly inside an inherited partial"
        case .invalidConfigVariableSyntax: return "the pragma is malformed"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
