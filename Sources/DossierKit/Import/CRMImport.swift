import Foundation
import Yams

/// `dossier import`: writes and updates dossiers from a CRM's CSV export.
///
/// A new account gets a new dossier; an account whose `crm_id` a dossier already has gets only the keys
/// the CRM owns updated in place (see `CRMAccount.ownedKeys` and `FrontMatterEditor`), and only when
/// their values changed; every other byte of the file stays as it was. No file is ever deleted, and no
/// file is written that would not pass `dossier check`. Each file is written whole or not at all
/// (`AtomicFile`).
public struct CRMImport: Sendable {
    /// The research site dossiers are written into.
    public var siteRoot: URL
    /// The CSV files and the mapping file, as given (relative to the current folder, or absolute).
    public var accountsPath: String
    /// The contacts file: stakeholders of new dossiers.
    public var contactsPath: String?
    /// The opportunities file: given, the CRM owns each imported dossier's `opportunities`.
    public var opportunitiesPath: String?
    /// The mapping file (`--map`); nil for Salesforce's columns.
    public var mappingPath: String?
    /// The owner of accounts whose owner column is empty or absent.
    public var defaultOwner: String?
    /// The day checks run on; the year before it is the year of `Annual Revenue` and `Employees`.
    public var asOf: Day
    /// The settings file, relative to the site root (for `offerings` and the size limit).
    public var configFile: String

    /// An import of `accounts` (with `contacts` and `opportunities` when given) into the site at `siteRoot`.
    public init(siteRoot: URL, accounts: String, contacts: String? = nil, opportunities: String? = nil, mapping: String? = nil,
                defaultOwner: String? = nil, asOf: Day, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.accountsPath = accounts
        self.contactsPath = contacts
        self.opportunitiesPath = opportunities
        self.mappingPath = mapping
        self.defaultOwner = defaultOwner
        self.asOf = asOf
        self.configFile = configFile
    }

    /// A dossier already in the site.
    private struct Existing {
        var path: String
        var slug: String
        var bytes: [UInt8]
        var crmID: String?
        /// Nil when the dossier has errors.
        var dossier: Dossier?
    }

    /// A file to write.
    private struct Write {
        var path: String
        var text: String
        /// The bytes read before, for an update; nil for a new file.
        var previous: [UInt8]?
    }

    /// Imports the files; with `dryRun`, only reports what would change.
    public func run(dryRun: Bool) -> ImportReport {
        var report = ImportReport(isDryRun: dryRun)
        func abort(_ diagnostics: [Diagnostic]) -> ImportReport {
            report.diagnostics = diagnostics.sorted { $0.location < $1.location }
            report.isAborted = true
            return report
        }
        guard DossierFileLoader.isSite(siteRoot) else {
            return abort([Diagnostic(.error, .notASite, at: SourceLocation(path: siteRoot.path), in: .crmImport)])
        }
        var mapping = ImportMapping.salesforce
        if let mappingPath {
            switch readText(mappingPath, limit: 1_048_576) {
            case .failure(let diagnostic): return abort([diagnostic])
            case .success(let text):
                let (loaded, diagnostics) = ImportMapping.load(text, path: mappingPath)
                if diagnostics.contains(where: { $0.severity == .error }) { return abort(diagnostics) }
                report.diagnostics += diagnostics
                mapping = loaded
            }
        }
        var tables: [CSVTable?] = []
        for path in [accountsPath, contactsPath, opportunitiesPath] {
            guard let path else { tables.append(nil); continue }
            let bytes: [UInt8]
            do {
                bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                return abort([Diagnostic(.error, .unreadable(reason: error.localizedDescription), at: SourceLocation(path: path), in: .crmImport)])
            }
            let (table, diagnostics) = CSVTable.read(bytes: bytes, path: path)
            guard let table else { return abort(diagnostics) }
            report.diagnostics += diagnostics
            tables.append(table)
        }
        guard let accountsTable = tables[0] else { return abort(report.diagnostics) }
        var reader = CRMExportReader(mapping: mapping, defaultOwner: defaultOwner, revenueYear: asOf.year - 1)
        let accounts = reader.read(accounts: accountsTable, contacts: tables[1], opportunities: tables[2])
        if reader.diagnostics.contains(where: { if case .csvMissingColumn = $0.problem { true } else { false } }) {
            return abort(report.diagnostics + reader.diagnostics)
        }
        report.diagnostics += reader.diagnostics

        let (config, _) = SiteConfig.load(from: siteRoot, file: configFile)
        let existing = loadExisting(config: config)
        let byID = Dictionary(existing.compactMap { item in item.crmID.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
        let bySlug = Dictionary(existing.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let holdersByID = Dictionary(grouping: existing.filter { $0.crmID != nil }, by: { $0.crmID ?? "" })
        let slugger = NameSlugger(names: accounts.filter { byID[$0.crmID] == nil }.map(\.name))
        let includesDeals = opportunitiesPath != nil
        var writes: [Write] = []
        var newBySlug: [String: CRMAccount] = [:]
        for account in accounts {
            let location = SourceLocation(path: accountsPath, line: account.line)
            let holders = holdersByID[account.crmID] ?? []
            if holders.count > 1 {
                report.diagnostics.append(Diagnostic(.error, .duplicateCRMID(account.crmID, paths: holders.map(\.path)), at: location, in: .crmImport))
                continue
            }
            if let current = byID[account.crmID] {
                guard let dossier = current.dossier else {
                    report.diagnostics.append(Diagnostic(.error, .importCannotEdit(path: current.path, reason: "it has errors; run `dossier check`, fix them and import again"),
                                                         at: location, in: .crmImport))
                    continue
                }
                let changed = changedKeys(of: dossier, to: account, includesDeals: includesDeals)
                guard !changed.isEmpty else {
                    report.entries.append(ImportReport.Entry(path: current.path, change: .unchanged))
                    continue
                }
                let text: String
                do {
                    text = try FrontMatterEditor.replacing(changed, in: String(decoding: current.bytes, as: UTF8.self))
                } catch {
                    guard case .reason(let reason) = error else { continue }
                    report.diagnostics.append(Diagnostic(.error, .importCannotEdit(path: current.path, reason: reason), at: location, in: .crmImport))
                    continue
                }
                if let problem = checkProblem(text, path: current.path, slug: current.slug, config: config) {
                    report.diagnostics.append(Diagnostic(.error, .importCannotEdit(path: current.path, reason: problem), at: location, in: .crmImport))
                    continue
                }
                writes.append(Write(path: current.path, text: text, previous: current.bytes))
                report.entries.append(ImportReport.Entry(path: current.path, change: .updated, keys: changed.map(\.key)))
            } else {
                let slug = slugger.slug(for: account.name)
                let path = "\(DossierFileLoader.accountsFolder)/\(slug).md"
                if let other = bySlug[slug] {
                    report.diagnostics.append(Diagnostic(.error, .importConflict(slug: slug, path: other.path, existingID: other.crmID, importedID: account.crmID,
                                                                                 importedName: account.name), at: location, in: .crmImport))
                    continue
                }
                if let other = newBySlug[slug] {
                    report.diagnostics.append(Diagnostic(.error, .importConflict(slug: slug, path: path, existingID: other.crmID, importedID: account.crmID,
                                                                                 importedName: account.name), at: location, in: .crmImport))
                    continue
                }
                let text = account.dossierText(includesDeals: includesDeals, revenueYear: asOf.year - 1)
                if let problem = checkProblem(text, path: path, slug: slug, config: config) {
                    report.diagnostics.append(Diagnostic(.error, .importCannotEdit(path: path, reason: problem), at: location, in: .crmImport))
                    continue
                }
                newBySlug[slug] = account
                writes.append(Write(path: path, text: text, previous: nil))
                report.entries.append(ImportReport.Entry(path: path, change: .new))
            }
        }
        if !dryRun {
            report.diagnostics += write(writes)
        }
        report.diagnostics.sort { ($0.location, $0.severity) < ($1.location, $1.severity) }
        return report
    }

    /// The owned keys whose value in `dossier` differs from the CRM's, with their new lines.
    private func changedKeys(of dossier: Dossier, to account: CRMAccount, includesDeals: Bool) -> [(key: String, lines: [String])] {
        let offerings = Dictionary(dossier.opportunities.compactMap { item in item.offering.map { (item.name, $0) } }, uniquingKeysWith: { first, _ in first })
        return account.ownedKeys(includesDeals: includesDeals, offerings: offerings).filter { key, _ in
            switch key {
            case "crm_id": dossier.crmID != account.crmID
            case "name": dossier.name != account.name
            case "owner": dossier.owner != account.owner
            case "stage": dossier.stage != account.stage
            case "tier": dossier.tier != account.tier
            case "opportunities":
                dossier.opportunities.map { var item = $0; item.line = 0; return item } != account.opportunities(offerings: offerings)
            default: true
            }
        }
    }

    /// The first error `dossier check` would report on `text`, or nil.
    private func checkProblem(_ text: String, path: String, slug: String, config: SiteConfig) -> String? {
        let file = SourceFile(path: path, slug: slug, bytes: Array(text.utf8))
        let (_, diagnostics) = DossierPipeline.process(file, config: config, asOf: asOf)
        return diagnostics.first { $0.severity == .error }.map { "the result would not pass `dossier check`: \($0.formatted)" }
    }

    /// Every dossier of the site with its `crm_id`, decoded where it has no error.
    private func loadExisting(config: SiteConfig) -> [Existing] {
        let loader = DossierFileLoader(siteRoot: siteRoot)
        return loader.dossierPaths().compactMap { path -> Existing? in
            let slug = String(path.split(separator: "/").last?.dropLast(3) ?? "")
            guard let data = try? Data(contentsOf: siteRoot.appendingPathComponent(path)) else { return nil }
            let file = SourceFile(path: path, slug: slug, bytes: [UInt8](data))
            let (analyzed, diagnostics) = DossierPipeline.process(file, config: config, asOf: asOf)
            let usable = diagnostics.contains { $0.severity == .error } ? nil : analyzed?.dossier
            return Existing(path: path, slug: slug, bytes: file.bytes, crmID: usable?.crmID ?? Self.crmID(in: file, limit: config.maxDossierBytes), dossier: usable)
        }
    }

    /// The `crm_id` of a dossier that does not decode cleanly, read straight from its YAML; when the YAML
    /// does not read as a whole (a duplicate key, a syntax error elsewhere), from its top-level `crm_id:`
    /// line alone, so that the account is reported rather than imported again into a second dossier.
    private static func crmID(in file: SourceFile, limit: Int) -> String? {
        guard case .success(let text) = decodeText(of: file, limit: limit), case .success(var frontMatter) = FrontMatter.split(text, path: file.path) else { return nil }
        if case (let root?, let problems) = YAMLComposer.compose(frontMatter, path: file.path), problems.isEmpty {
            guard case .mapping(let mapping) = root else { return nil }
            return nonEmpty(mapping["crm_id"]?.scalar?.string)
        }
        guard let line = frontMatter.yaml.split(separator: "\n").first(where: { $0.hasPrefix("crm_id:") }) else { return nil }
        frontMatter.yaml = String(line)
        guard case (.mapping(let mapping)?, let problems) = YAMLComposer.compose(frontMatter, path: file.path), problems.isEmpty else { return nil }
        return nonEmpty(mapping["crm_id"]?.scalar?.string)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        let id = value?.trimmingCharacters(in: .whitespaces) ?? ""
        return id.isEmpty ? nil : id
    }

    /// Reads a small text file (the mapping), as dossiers are read.
    private func readText(_ path: String, limit: Int) -> Result<String, Diagnostic> {
        do {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            return decodeText(of: SourceFile(path: path, slug: "", bytes: bytes), limit: limit)
        } catch {
            return .failure(Diagnostic(.error, .unreadable(reason: error.localizedDescription), at: SourceLocation(path: path), in: .crmImport))
        }
    }

    /// Writes each file whole (temporary file, then renamed); a new file never replaces one that appeared
    /// meanwhile, and an update never replaces a file changed since it was read.
    private func write(_ writes: [Write]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A build refuses every dossier behind a folder link that leads out of the site, so none is written there.
        let isFolderLinkedOut = [DossierFileLoader.accountsFolder, "content"].contains {
            SiteFile.linkProblem(at: siteRoot.appendingPathComponent($0).path, in: siteRoot) != nil
        }
        for item in writes {
            var url = siteRoot.appendingPathComponent(item.path)
            if item.previous == nil, isFolderLinkedOut {
                diagnostics.append(Diagnostic(.error, .writeFailed(path: item.path, reason: "the accounts folder is a link that leads outside the site"),
                                              at: SourceLocation(path: item.path), in: .crmImport))
                continue
            }
            if item.previous != nil {
                // A dossier that is a link is written where it leads, and only when that is inside the site.
                url = url.resolvingSymlinksInPath()
                guard url.path.hasPrefix(siteRoot.resolvingSymlinksInPath().path + "/") else {
                    diagnostics.append(Diagnostic(.error, .importCannotEdit(path: item.path, reason: "it is a link that leads outside the site"),
                                                  at: SourceLocation(path: item.path), in: .crmImport))
                    continue
                }
            }
            if let previous = item.previous, (try? Data(contentsOf: url)).map({ [UInt8]($0) }) != previous {
                diagnostics.append(Diagnostic(.error, .importCannotEdit(path: item.path, reason: "it changed while the import ran; import again"),
                                              at: SourceLocation(path: item.path), in: .crmImport))
                continue
            }
            do {
                try AtomicFile.write(Data(item.text.utf8), to: url, replacing: item.previous != nil)
            } catch {
                let reason = switch error {
                case .exists: "a file of that name appeared while the import ran; nothing was written to it"
                case .system(let message): message
                }
                diagnostics.append(Diagnostic(.error, .writeFailed(path: item.path, reason: reason), at: SourceLocation(path: item.path), in: .crmImport))
            }
        }
        return diagnostics
    }
}
