import Foundation
import Mustache

/// The templates and stylesheets pages are rendered with: the built-in theme, with any template the
/// site overrides in its own `templates/` folder. Other `.mustache` files there are registered as
/// partials, so an override can use `{{> my-partial}}`.
public struct Theme: Sendable {
    /// Templates every theme has, by name (file name without `.mustache`).
    public static let templateNames = ["layout", "index", "account", "brief", "stages", "stage", "directory", "group", "owner", "meetings", "search"]
    /// Stylesheets copied to `assets/` in the output.
    public static let assetNames = ["style.css", "brief.css", "search.js"]

    var library: MustacheLibrary
    /// Stylesheet contents by file name.
    var assets: [String: String]

    /// Loads the theme for the site at `siteRoot`; template syntax errors come back with their positions.
    public static func load(siteRoot: URL) -> (Theme?, [Diagnostic]) {
        var library = MustacheLibrary()
        var assets: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let siteTemplates = (try? FileManager.default.contentsOfDirectory(atPath: siteRoot.appendingPathComponent("templates").path)) ?? []
        let extraPartials = siteTemplates.filter { $0.hasSuffix(".mustache") && !templateNames.contains(String($0.dropLast(".mustache".count))) }
        for fileName in templateNames.map({ $0 + ".mustache" }) + extraPartials.sorted() + assetNames {
            let path = "templates/\(fileName)"
            let override = siteRoot.appendingPathComponent(path)
            var text = BuiltinTheme.files[fileName] ?? ""
            if let data = FileManager.default.contents(atPath: override.path) {
                guard let decoded = String(data: data, encoding: .utf8) else {
                    diagnostics.append(Diagnostic(.error, .invalidUTF8, at: SourceLocation(path: path), in: .template))
                    continue
                }
                text = decoded
            }
            guard fileName.hasSuffix(".mustache") else {
                assets[fileName] = text
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: String(fileName.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(Diagnostic(.error, .templateSyntax(describe(error.error)), at: location, in: .template))
            } catch {
                diagnostics.append(Diagnostic(.error, .templateSyntax("\(error)"), at: SourceLocation(path: path), in: .template))
            }
        }
        return (diagnostics.isEmpty ? Theme(library: library, assets: assets) : nil, diagnostics)
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, with context: Context) -> String {
        library.render(context, withTemplate: name) ?? ""
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
