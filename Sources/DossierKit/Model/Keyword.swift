/// A closed set of words a dossier field accepts, such as a stakeholder's `role`.
public protocol Keyword: RawRepresentable, CaseIterable, Sendable, Codable where RawValue == String {}

extension Keyword {
    /// Every accepted word, in declaration order.
    static var allowedWords: [String] { allCases.map(\.rawValue) }
}

extension Stage: Keyword {}
