/// What went wrong, independent of where: each case has one message.
public enum Problem: Sendable, Equatable {
    case unreadable(reason: String)
    case invalidUTF8
    case notUTF8(encoding: String)
    case binaryFile
    case tooLarge(bytes: Int, limit: Int)
    case badSlug(String)
    case duplicateSlug(slug: String, otherPath: String)
    case missingFrontMatter
    case unclosedFrontMatter
    case yamlSyntax(String)
    case duplicateKey(String)
    case nestedTooDeep(limit: Int)
    case tooManyAliases(limit: Int)
    case complexKey
    case settingsNotAMapping
    case noDossiers
    case notASite
    case linkLeavesSite(target: String)
    case controlCharacter(key: String, character: String)
    case notAMapping(key: String?, found: String)
    case missingKey(String)
    case wrongType(key: String, expected: String, found: String)
    /// A word a field does not accept; `suggestion` is a close allowed word, for a did-you-mean.
    case unknownValue(key: String, value: String, allowed: [String], suggestion: String? = nil)
    case badDate(key: String, value: String)
    case outOfRange(key: String, value: String, expected: String)
    case badCurrency(String)
    case unknownKey(String, suggestion: String?)
    case moreUnknownKeys(Int)
    case unknownRule(String, suggestion: String?)
    /// An old rule id in dossier.yml that still works under its new name.
    case renamedRule(old: String, new: String)
    /// An unknown id under `signals:` in dossier.yml.
    case unknownSignal(String, suggestion: String?)
    /// A positive health signal (what is going well), listed by `check` like a finding but never a problem.
    case signal(id: String, message: String)
    /// A name that should be a stakeholder of the same dossier (`reports_to`).
    case unknownStakeholder(key: String, name: String, suggestion: String?)
    /// An offering not among dossier.yml's `offerings`.
    case unknownOffering(key: String, name: String, suggestion: String?)
    case finding(ruleID: String, message: String)
    case emptyValue(key: String)
    case templateSyntax(String)
    case missingTemplate(String)
    case outputNotOurs(path: String)
    case outputInsideSite(path: String)
    case writeFailed(path: String, reason: String)
    case unknownAudience(String, known: [String])
    case privateMarkerNotAtEnd
    case outputIsLink(path: String)
    case linkInOutput(path: String)
    case foreignFileInTheWay(path: String)
    case buildRunning(path: String, pid: Int?)
    case previousOutputNotRemoved(path: String, reason: String)
    /// A CSV file without a header line.
    case csvNoHeader
    case csvNULByte
    /// A quoted CSV field whose closing quote never comes.
    case csvUnclosedQuote
    /// Text between a quoted CSV field's closing quote and the next delimiter.
    case csvTextAfterQuote
    /// A column the import needs is not in the CSV's header.
    case csvMissingColumn(column: String, purpose: String, header: [String], suggestion: String?)
    /// A CSV value the import cannot use; the row is skipped.
    case csvBadValue(column: String, value: String, expected: String)
    /// A required CSV value is empty; the row is skipped.
    case csvEmptyValue(column: String)
    /// A contact or opportunity row names an account the accounts file does not have.
    case csvUnknownAccount(column: String, name: String, suggestion: String?)
    /// Two account rows with the same CRM id.
    case csvDuplicateAccount(crmID: String, otherLine: Int)
    /// An imported account would take a dossier's slug that belongs to another account.
    case importConflict(slug: String, path: String, existingID: String?, importedID: String, importedName: String)
    /// Two dossiers of the site have the same `crm_id`.
    case duplicateCRMID(String, paths: [String])
    /// The import cannot edit a dossier's front-matter in place.
    case importCannotEdit(path: String, reason: String)

    /// The message a person reads, saying what is wrong and what to do.
    public var message: String {
        switch self {
        case .unreadable(let reason):
            "cannot read the file: \(reason)"
        case .invalidUTF8:
            "the file is not valid UTF-8; save it as UTF-8"
        case .notUTF8(let encoding):
            "the file is \(encoding) text; save it as UTF-8 (most editors offer it under Save As or the encoding menu)"
        case .binaryFile:
            "this is a binary file, not a Markdown dossier; remove it from content/accounts"
        case .tooLarge(let bytes, let limit):
            "the file has \(bytes) bytes, over the limit of \(limit); split it, or raise max_dossier_bytes in dossier.yml"
        case .badSlug(let slug) where NameSlugger.windowsDeviceNames.contains(slug):
            "file name '\(slug)' is a name Windows keeps for a device, so its pages could not be copied to a Windows share; rename the file (e.g. '\(slug)-corp.md')"
        case .badSlug(let slug):
            "file name '\(slug)' is not a valid slug; use lowercase letters, digits and hyphens, starting with a letter or digit (e.g. 'acme-gmbh.md')"
        case .duplicateSlug(let slug, let otherPath):
            "slug '\(slug)' is also used by \(otherPath); rename one of the files"
        case .missingFrontMatter:
            "missing front-matter; did you forget the opening `---` on the first line?"
        case .unclosedFrontMatter:
            "the front-matter is never closed; add a line `---` after the last key"
        case .yamlSyntax(let detail):
            "YAML syntax error: \(detail)"
        case .duplicateKey(let key):
            "key '\(key)' appears more than once; keep one"
        case .nestedTooDeep(let limit):
            "the YAML is nested more than \(limit) levels deep"
        case .tooManyAliases(let limit):
            "more than \(limit) aliases; write the values out instead"
        case .complexKey:
            "a key must be a word or text, not a list or mapping; write `key: value`"
        case .settingsNotAMapping:
            "dossier.yml must be a mapping of keys to values (key: value)"
        case .noDossiers:
            "no dossiers found: add Markdown files to content/accounts/, or point --site at the research site"
        case .notASite:
            "not a dossier site: the folder has no content/accounts/ and no dossier.yml; run `dossier init` to make a site, or point --site at the research site"
        case .linkLeavesSite(let target):
            "this leads to '\(target)', outside the site folder; dossier reads only files inside the site, so copy the file into the site instead of linking to it"
        case .controlCharacter(let key, let character):
            "'\(key)' contains the control character \(character), which no page or terminal can show; remove the escape that makes it (such as \\e, \\a or \\0) from the quoted text"
        case .notAMapping(let key, let found):
            if let key {
                "'\(key)' must be a mapping of keys to values, found \(found)"
            } else {
                "the front-matter must be a mapping of keys to values (key: value), found \(found)"
            }
        case .missingKey(let key):
            "missing required key '\(key)'"
        case .wrongType(let key, let expected, let found):
            "'\(key)' must be \(expected), found \(found)"
        case .unknownValue(let key, let value, let allowed, let suggestion):
            "unknown \(key) '\(value)'; expected one of: \(allowed.joined(separator: ", "))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .badDate(let key, let value):
            "'\(key)' has the date '\(value)', which is not a real date in the form YYYY-MM-DD"
        case .outOfRange(let key, let value, let expected):
            "'\(key)' is \(value); expected \(expected)"
        case .badCurrency(let value):
            "currency '\(value)' is not an ISO 4217 code; use three capital letters such as EUR, USD or CNY"
        case .unknownKey(let key, let suggestion):
            if let suggestion {
                "unknown key '\(key)'; did you mean '\(suggestion)'?"
            } else {
                "unknown key '\(key)'; it is ignored"
            }
        case .moreUnknownKeys(let count):
            "and \(count) more unknown key\(count == 1 ? "" : "s") in this file, not listed one by one; they are ignored"
        case .unknownRule(let id, let suggestion):
            "unknown rule '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; `dossier check --rules` lists them")
        case .unknownStakeholder(let key, let name, let suggestion):
            "'\(key)' names '\(name)', who is not in this dossier's stakeholders"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "; add them to stakeholders or correct the name")
        case .unknownOffering(let key, let name, let suggestion):
            "'\(key)' names the offering '\(name)', which is not among the offerings in dossier.yml"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "; add it to `offerings:` there or correct the name")
        case .finding(let ruleID, let message):
            "\(message) [\(ruleID)]"
        case .renamedRule(let old, let new):
            "the rule '\(old)' was renamed to '\(new)'; its settings still apply, but write '\(new)'"
        case .unknownSignal(let id, let suggestion):
            "unknown signal '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; `dossier check --rules` lists them")
        case .signal(let id, let message):
            "going well: \(message) [\(id)]"
        case .emptyValue(let key):
            "'\(key)' is empty; it is required, so give it a value"
        case .templateSyntax(let detail):
            "template syntax error: \(detail)"
        case .missingTemplate(let name):
            "the theme has no template '\(name)'"
        case .outputNotOurs(let path):
            "refusing to write into '\(path)': it is not empty and was not made by dossier; choose another --output or empty it"
        case .outputInsideSite(let path):
            "refusing to use '\(path)' as output: it would overwrite the site's own files; choose a folder such as output/"
        case .writeFailed(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .csvNULByte:
            "the file holds a NUL byte, which no CSV text has (the file is damaged or not text); export it from the CRM again"
        case .csvNoHeader:
            "the file has no header line; export it from the CRM with column names on the first line"
        case .csvUnclosedQuote:
            "this quoted field is never closed; add the closing quote (\") or export the file again; the rest of the file was not read"
        case .csvTextAfterQuote:
            "text after the closing quote of a quoted field; quote the whole field and double each quote inside it (\"\"); the rest of the file was not read"
        case .csvMissingColumn(let column, let purpose, let header, let suggestion):
            "no column '\(column)' (\(purpose)) in the header: \(header.joined(separator: ", "))"
                + (suggestion.map { "; did you mean '\($0)'? " } ?? "; ") + "name the column in a mapping file given with --map"
        case .csvBadValue(let column, let value, let expected):
            "'\(column)' is '\(value)'; expected \(expected); the row is skipped"
        case .csvEmptyValue(let column):
            "'\(column)' is empty; it is required, so the row is skipped"
        case .csvUnknownAccount(let column, let name, let suggestion):
            "'\(column)' names '\(name)', which is not an account of the accounts file"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + "; the row is skipped"
        case .csvDuplicateAccount(let crmID, let otherLine):
            "the account '\(crmID)' is also on line \(otherLine); keep one row per account; this row is skipped"
        case .importConflict(let slug, let path, let existingID, let importedID, let importedName):
            "'\(importedName)' (CRM id \(importedID)) would be written to \(path), which holds another account"
                + (existingID.map { " (CRM id \($0))" } ?? " (not imported, no crm_id)")
                + "; nothing was written for it: rename one of them, or set crm_id in \(path) if it is the same account (slug '\(slug)')"
        case .duplicateCRMID(let id, let paths):
            "the CRM id \(id) is the crm_id of \(paths.joined(separator: " and ")); keep it in one of them; that account was not imported"
        case .importCannotEdit(let path, let reason):
            "cannot update \(path): \(reason); it was left as it is"
        case .privateMarkerNotAtEnd:
            "this heading mentions {private} but does not end with it, so its section is public; put {private} at the end of the heading to keep the section private"
        case .unknownAudience(let name, let known):
            known.isEmpty
                ? "unknown audience '\(name)'; the settings name no audiences, add them under `audiences:`"
                : "unknown audience '\(name)'; the settings name: \(known.joined(separator: ", "))"
        case .outputIsLink(let path):
            "refusing to write to '\(path)': it is a symbolic link, and dossier replaces the output folder as a whole; give the folder it points to with --output"
        case .linkInOutput(let path):
            "'\(path)' was a symbolic link in the way of the site's pages; it was replaced by the pages (dossier never writes through a link)"
        case .foreignFileInTheWay(let path):
            "'\(path)' was not made by dossier but a page of the site must be written there; move it out of the output folder"
        case .buildRunning(let path, let pid):
            "another build of this site is running\(pid.map { " (pid \($0))" } ?? "") and writing '\(path)'; wait for it to finish"
        case .previousOutputNotRemoved(let path, let reason):
            "the new site is in place, but the previous one, moved to '\(path)', could not be removed: \(reason); the next build tries again, or remove it by hand"
        }
    }
}
