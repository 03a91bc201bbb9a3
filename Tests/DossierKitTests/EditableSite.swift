import Foundation
import PropertyBased
@testable import DossierKit

/// A site on disk that `SiteEdit`s change, with what the builds need besides the files: the as-of day
/// and the audience.
///
/// File times are set by the site itself, never by the clock: with `trustsStamps`, every file it
/// writes or touches gets its own time far in the past (one second later for each), so the build
/// cache trusts the stamps (it trusts only stamps older than two seconds before the build); without,
/// a time in the future, which it never trusts and so compares the bytes. Either way no test sleeps,
/// and a run does the same whatever the machine's speed.
struct EditableSite {
    let root: URL
    let trustsStamps: Bool
    /// The site is a git repository, and the builds show its history.
    let usesGit: Bool
    var asOf = TestSupport.asOf
    var audience: String?
    var settings = Settings()
    /// Dossiers an edit broke, with the text to restore.
    var broken: [String: String] = [:]
    /// Examples not on the site yet, for `addDossier`.
    var unusedExamples: [String]
    private var clock = 0
    private var made = 0
    private var commits = 0

    static let accounts = "content/accounts"
    static let examples: [String] = {
        let folder = TestSupport.repositoryRoot.appendingPathComponent(accounts).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }()
    static let owners = ["Mei Chen", "Jonas Weber", "Priya Natarajan", "Tomás Herrera", "王芳"]
    static let stages = Stage.allCases.map(\.rawValue)

    /// The settings file's values; written whole on every change.
    struct Settings: Sendable {
        var title = "Key accounts"
        var language = "en"
        var staleAfterDays = 90
        var offerings = ["WMS", "AMR", "AS/RS", "Service"]
        /// `rules:` lines, `id: {parameter: value}` or `id: off`.
        var rules: [String: String] = [:]
        var defaultAudience: String?
        var allowsUnsafeHTML = false

        var yaml: String {
            var lines = ["# Written by IncrementalBuildPropertyTests.", "title: \(title)", "company: Corvid Automation",
                         "language: \(language)", "currency: EUR", "stale_after_days: \(staleAfterDays)",
                         "exchange_rates: {USD: 0.92, GBP: 1.17, CHF: 1.05, CNY: 0.13}",
                         "offerings: [\(offerings.joined(separator: ", "))]"]
            if !rules.isEmpty {
                lines.append("rules:")
                lines += rules.keys.sorted().map { "  \($0): \(rules[$0] ?? "")" }
            }
            if let defaultAudience { lines.append("default_audience: \(defaultAudience)") }
            if allowsUnsafeHTML { lines.append("unsafe_html: true") }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// A new site in a temporary folder with the examples `names` and `generated` small dossiers of its own.
    init(examples names: [String], generated: Int, trustsStamps: Bool, usesGit: Bool = false) throws {
        root = try TestSupport.makeTemporaryFolder()
        self.trustsStamps = trustsStamps
        self.usesGit = usesGit
        unusedExamples = Self.examples.filter { !names.contains($0) }
        for name in names {
            let url = TestSupport.repositoryRoot.appendingPathComponent("\(Self.accounts)/\(name).md")
            try write("\(Self.accounts)/\(name).md", String(decoding: try Data(contentsOf: url), as: UTF8.self))
        }
        for _ in 0..<generated { try addGenerated(variant: made) }
        try write("dossier.yml", settings.yaml)
        if usesGit {
            try write(".gitignore", "output/\n.dossier-cache/\n")
            try HistoryTests.git(["init", "-q"], in: root)
            _ = try commit()
        }
    }

    /// Commits every change, on a day of its own.
    mutating func commit() throws -> String {
        commits += 1
        let day = TestSupport.asOf.adding(days: commits - 60)
        try HistoryTests.git(["add", "-A", "."], in: root)
        try HistoryTests.git(["commit", "-q", "--allow-empty", "-m", "Research \(commits)"], in: root, date: "\(day)T10:00:00+00:00")
        return "commit everything on \(day)"
    }

    // MARK: Files

    /// Site-relative paths of the dossier files, sorted.
    var dossierPaths: [String] {
        let folder = root.appendingPathComponent(Self.accounts).path
        return FileTree.regularFiles(under: folder, skipsHidden: true).filter { $0.hasSuffix(".md") }
            .map { "\(Self.accounts)/\($0)" }.sorted()
    }

    func read(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    mutating func write(_ path: String, _ text: String) throws {
        try TestSupport.write([path: text], under: root)
        try stamp(path)
    }

    mutating func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Gives the file the next time of the site's clock (see the type's comment).
    mutating func stamp(_ path: String) throws {
        clock += 1
        let base = trustsStamps ? Date(timeIntervalSince1970: 1_577_836_800) : Date().addingTimeInterval(86_400 * 365)
        try FileManager.default.setAttributes([.modificationDate: base.addingTimeInterval(Double(clock))],
                                              ofItemAtPath: root.appendingPathComponent(path).path)
    }

    static func slug(of path: String) -> String {
        String(path.split(separator: "/").last?.dropLast(3) ?? "")
    }

    // MARK: Edits

    /// Applies `edit` and says what it did, naming files and values, for the failure message.
    mutating func apply(_ edit: SiteEdit) throws -> String {
        let paths = dossierPaths
        let picked = paths.isEmpty ? nil : paths[edit.target % paths.count]
        let variant = edit.variant
        switch edit.kind {
        case .editNotes:
            guard let path = picked else { return try addGenerated(variant: variant) }
            return try editNotes(path, variant: variant)
        case .editField:
            guard let path = picked else { return try addGenerated(variant: variant) }
            return try editField(path, variant: variant)
        case .addDossier:
            if variant % 2 == 0, !unusedExamples.isEmpty {
                let name = unusedExamples.remove(at: edit.target % unusedExamples.count)
                let text = String(decoding: try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("\(Self.accounts)/\(name).md")), as: UTF8.self)
                try write("\(Self.accounts)/\(name).md", text)
                return "add the example \(name)"
            }
            return try addGenerated(variant: variant)
        case .deleteDossier:
            guard let path = picked else { return "delete: no dossier left" }
            try remove(path)
            broken[path] = nil
            return "delete \(path)"
        case .renameDossier:
            guard let path = picked else { return "rename: no dossier left" }
            let slug = Self.slug(of: path)
            let base = slug.split(separator: "-").prefix(2).joined(separator: "-")
            var target = variant % 3 == 0 ? "\(Self.accounts)/emea/\(slug).md" : "\(Self.accounts)/\(base)-r\(variant % 50).md"
            if target == path || exists(target) { target = "\(Self.accounts)/\(base)-r\(variant % 50)-\(paths.count).md" }
            guard !exists(target) else { return "rename \(path): \(target) exists, nothing done" }
            try FileManager.default.createDirectory(at: root.appendingPathComponent(target).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: root.appendingPathComponent(path), to: root.appendingPathComponent(target))
            if let original = broken.removeValue(forKey: path) { broken[target] = original }
            return "rename \(path) to \(target)"
        case .breakOrFixDossier:
            if !broken.isEmpty {
                let fixed = broken.keys.sorted()
                for path in fixed { try write(path, broken[path] ?? "") }
                broken = [:]
                return "fix \(fixed.joined(separator: ", "))"
            }
            guard let path = picked else { return "break: no dossier left" }
            let text = read(path)
            let damaged: String
            let what: String
            switch variant % 3 {
            case 0:
                damaged = Self.settingTopLevel("stage", to: "[early", in: text)
                what = "a YAML syntax error (an unclosed [)"
            case 1:
                damaged = Self.settingTopLevel("stage", to: "mediumish", in: text)
                what = "an unknown stage"
            default:
                damaged = Self.settingTopLevel("favourite_colour", to: "blue", in: text)
                what = "an unknown key (a warning)"
            }
            broken[path] = text
            try write(path, damaged)
            return "break \(path): \(what)"
        case .changeSettings:
            return try changeSettings(variant: variant)
        case .changeTemplate:
            return try changeTemplate(target: edit.target, variant: variant)
        case .changeStrings:
            let language = edit.target % 2 == 0 ? "en" : "zh"
            let path = "templates/strings/\(language).yml"
            if variant % 3 == 0, exists(path) {
                try remove(path)
                return "remove \(path)"
            }
            let label = language == "en" ? "Confidential \(variant)" : "机密 \(variant)"
            try write(path, "nav_stages: \"\(language == "en" ? "Stages" : "阶段") \(variant % 7)\"\nprivate_label: \"\(label)\"\n")
            return "write \(path) (private label \(label))"
        case .changeDay:
            let offsets = [0, -40, -1, 1, 7, 30, 95, 400]
            asOf = TestSupport.asOf.adding(days: offsets[variant % offsets.count])
            return "as of \(asOf)"
        case .switchAudience:
            let audiences: [String?] = [nil, "company", "team"]
            audience = audiences[variant % audiences.count]
            return "audience \(audience ?? "(the settings' default)")"
        case .commit where usesGit:
            return try commit()
        case .touchFile, .commit:
            let candidates = paths + ["dossier.yml"] + ["templates/account.mustache", "templates/strings/en.yml"].filter(exists)
            let path = candidates[edit.target % candidates.count]
            try stamp(path)
            return "touch \(path)"
        }
    }

    @discardableResult
    private mutating func addGenerated(variant: Int) throws -> String {
        made += 1
        let number = made
        let slug = "generated-\(number)-\(variant % 97)"
        let owner = Self.owners[variant % Self.owners.count]
        let stage = Self.stages[variant % Self.stages.count]
        let meeting = TestSupport.asOf.adding(days: variant % 20)
        let text = """
        ---
        name: Generated \(number) AG
        owner: \(owner)
        stage: \(stage)
        tier: \(["A", "B", "C"][variant % 3])
        tags: [generated, r&d]
        stakeholders:
          - {name: Pat Doe \(number), role: decision-maker, stance: neutral, last_contact: 2026-10-01}
        next_meeting: {date: \(meeting), with: [Pat Doe \(number)], objective: Introduce the team}
        financials: {currency: EUR, wallet: {total: \(1_000_000 * (variant % 9 + 1)), ours: \(100_000 * (variant % 7))}}
        private:
          walk_away: \(variant) k
        ---

        ## Situation

        Generated account \(number), variant \(variant).

        ## Negotiation {private}

        Our floor for generated account \(number).

        ## Talking points

        - Ask about the timetable

        """
        try write("\(Self.accounts)/\(slug).md", text)
        return "add \(Self.accounts)/\(slug).md (owner \(owner), stage \(stage))"
    }

    private mutating func editNotes(_ path: String, variant: Int) throws -> String {
        let text = read(path)
        let edited: String
        let what: String
        switch variant % 5 {
        case 0:
            edited = text + "\nA new paragraph, variant \(variant).\n"
            what = "a paragraph"
        case 4:
            edited = text + "\nRaw <b>HTML</b> \(variant), shown only with unsafe_html.\n"
            what = "raw HTML"
        case 1:
            edited = text + "\n## Walk-away {private}\n\nOur floor is \(variant) k.\n"
            what = "a private section"
        case 2:
            edited = text + "\n## Talking points\n\n- Point \(variant)\n"
            what = "a talking point"
        default:
            let body = text.range(of: "\n---\n").map { text[$0.upperBound...] } ?? ""
            if let word = body.range(of: "the") {
                edited = text.replacingCharacters(in: word, with: "THE")
                what = "a changed word"
            } else {
                edited = text + "\nThe end.\n"
                what = "a last line"
            }
        }
        try write(path, edited)
        return "notes of \(path): \(what)"
    }

    private mutating func editField(_ path: String, variant: Int) throws -> String {
        var text = read(path)
        let what: String
        let choice = variant / 7
        switch variant % 7 {
        case 0:
            let stage = Self.stages[choice % Self.stages.count]
            text = Self.settingTopLevel("stage", to: stage, in: text)
            what = "stage \(stage)"
        case 1:
            let owner = Self.owners[choice % Self.owners.count]
            text = Self.settingTopLevel("owner", to: owner, in: text)
            what = "owner \(owner)"
        case 2:
            let tier = ["A", "B", "C"][choice % 3]
            text = Self.settingTopLevel("tier", to: tier, in: text)
            what = "tier \(tier)"
        case 3:
            let figure = 50_000 * (choice % 40 + 1)
            if let range = text.range(of: #"\n +ours: [0-9]+"#, options: .regularExpression) {
                let line = text[range]
                let indent = line.prefix { $0 == "\n" || $0 == " " }
                text.replaceSubrange(range, with: "\(indent)ours: \(figure)")
            } else {
                text = Self.settingTopLevel("financials", to: "{currency: EUR, wallet: {total: 9000000, ours: \(figure)}}", in: text)
            }
            what = "wallet (ours) \(figure)"
        case 4:
            let person = "Chris Example \(choice % 5)"
            let item = "{name: \(person), role: \(["influencer", "user", "decision-maker"][choice % 3]), stance: \(["neutral", "supportive", "opposed"][choice % 3]), last_contact: 2026-09-\(10 + choice % 9)}"
            text = Self.addingItem(item, toList: "stakeholders", in: text)
            what = "stakeholder \(person)"
        case 5:
            if let range = text.range(of: "stance: supportive") {
                text.replaceSubrange(range, with: "stance: opposed")
                what = "a stakeholder now opposed"
            } else if let range = text.range(of: "stance: opposed") ?? text.range(of: "stance: neutral") {
                text.replaceSubrange(range, with: "stance: supportive")
                what = "a stakeholder now supportive"
            } else {
                text = Self.addingItem("{name: Sam Stance, role: sponsor, stance: supportive}", toList: "stakeholders", in: text)
                what = "a supportive sponsor"
            }
        default:
            if choice % 4 == 3 {
                text = Self.settingTopLevel("next_meeting", to: nil, in: text)
                what = "no next meeting"
            } else {
                let day = TestSupport.asOf.adding(days: choice % 45 - 5)
                text = Self.settingTopLevel("next_meeting", to: "{date: \(day), objective: Review the pilot \(choice)}", in: text)
                what = "next meeting on \(day)"
            }
        }
        try write(path, text)
        return "front-matter of \(path): \(what)"
    }

    private mutating func changeSettings(variant: Int) throws -> String {
        let choice = variant / 7
        let what: String
        switch variant % 7 {
        case 0:
            settings.language = settings.language == "en" ? "zh" : "en"
            what = "language \(settings.language)"
        case 1:
            settings.staleAfterDays = [30, 90, 200, 1000][choice % 4]
            what = "stale_after_days \(settings.staleAfterDays)"
        case 2:
            let all = ["WMS", "AMR", "AS/RS", "Service", "Robotics"]
            settings.offerings = {
                var random = Xoshiro(seed: (UInt64(choice), 1, 2, 3))
                return Array(all.shuffled(using: &random).prefix(2 + choice % 4))
            }()
            what = "offerings \(settings.offerings)"
        case 3:
            let rules = [("margin-below-floor", "{min: \([5, 15, 30][choice % 3])}"), ("stale-research", "{after_days: \([30, 90, 365][choice % 3])}"),
                         ("single-threaded", "{min_stakeholders: \([1, 3, 6][choice % 3])}"), ("stuck-in-stage", "{mid: \([6, 36][choice % 2])}"),
                         ("no-sponsor", "off"), ("decision-maker-out-of-touch", "{mid: \([10, 90][choice % 2]), early: 20}")]
            let (id, value) = rules[choice % rules.count]
            if settings.rules[id] == value { settings.rules[id] = nil } else { settings.rules[id] = value }
            what = "rule \(id): \(settings.rules[id] ?? "(default)")"
        case 4:
            settings.defaultAudience = settings.defaultAudience == nil ? ["team", "company"][choice % 2] : nil
            what = "default_audience \(settings.defaultAudience ?? "(none)")"
        case 5:
            settings.allowsUnsafeHTML.toggle()
            what = "unsafe_html \(settings.allowsUnsafeHTML)"
        default:
            settings.title = "Key accounts \(choice % 5)"
            what = "title \(settings.title)"
        }
        try write("dossier.yml", settings.yaml)
        return "settings: \(what)"
    }

    private mutating func changeTemplate(target: Int, variant: Int) throws -> String {
        let names = Theme.templateNames.map { $0 + ".mustache" } + Theme.partialNames.map { $0 + ".mustache" } + ["style.css"]
        let name = names[target % names.count]
        let path = "templates/\(name)"
        switch exists(path) ? variant % 4 : 1 + variant % 3 {
        case 0:
            try remove(path)
            return "remove the override \(path)"
        case 1:
            try write("templates/note.mustache", "<p class=\"note\">Site note \(variant)</p>\n")
            return "write the site partial templates/note.mustache (\(variant))"
        default:
            let builtin = BuiltinTheme.files[name] ?? ""
            let addition = name.hasSuffix(".css") ? "\n/* variant \(variant) */\n" : variant % 4 == 2 ? "{{> note}}\n" : "<!-- variant \(variant) -->\n"
            try write(path, builtin + addition)
            return "override \(path) (builtin + \(addition.trimmingCharacters(in: .whitespacesAndNewlines)))"
        }
    }

    // MARK: Front-matter text

    /// The dossier `text` with the top-level front-matter key `key` (and the lines indented under it)
    /// replaced by `key: value` at the end of the front-matter, or removed when `value` is nil.
    static func settingTopLevel(_ key: String, to value: String?, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
        var index = 1
        var limit = end
        while index < limit {
            if lines[index].hasPrefix(key + ":") {
                var last = index + 1
                while last < limit, lines[last].hasPrefix(" ") || lines[last].hasPrefix("-") { last += 1 }
                lines.removeSubrange(index..<last)
                limit -= last - index
            } else {
                index += 1
            }
        }
        if let value { lines.insert("\(key): \(value)", at: limit) }
        return lines.joined(separator: "\n")
    }

    /// The dossier `text` with `item` added to the top-level list `key` (made when missing).
    static func addingItem(_ item: String, toList key: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
        if let index = lines[1..<end].firstIndex(of: key + ":") {
            let next = index + 1 < end ? lines[index + 1] : ""
            let indent = next.prefix { $0 == " " }
            lines.insert("\(indent)- \(item)", at: index + 1)
        } else if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ": [") }) {
            // A flow list: add the item first.
            lines[index] = lines[index].replacingOccurrences(of: key + ": [", with: key + ": [\(item), ")
        } else {
            lines.insert(contentsOf: [key + ":", "  - \(item)"], at: end)
        }
        return lines.joined(separator: "\n")
    }
}
