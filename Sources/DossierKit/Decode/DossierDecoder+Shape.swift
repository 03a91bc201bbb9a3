/// The front-matter's keys and the shape of each value: the one list the decoder's known keys come from,
/// and what `dossier schema dossier` prints. Decode a new key here first, then in the decoder.
extension DossierDecoder {
    /// Made afresh at each use (it is read once per run, for the known keys and `dossier schema`): a
    /// `static let` would keep indirect enum boxes that LeakSanitizer, in the fuzzers, cannot see as
    /// reachable and reports as leaks.
    static var shape: FieldShape {
        .mapping([
            .required("name", .text),
            .required("owner", .text),
            Field("team", .list(.text)),
            .required("stage", .words(Stage.self)),
            Field("stage_since", .day),
            Field("target", .mapping([Field("stage", .words(Stage.self)), Field("by", .day)])),
            Field("tier", .text),
            Field("reviewed", .day),
            Field("tags", .list(.text)),
            Field("segments", .list(.mapping([
                .required("name", .text), Field("share", .fraction(isShare: true)), Field("trend", .words(Segment.Trend.self)),
            ]))),
            Field("financials", .mapping([
                Field("currency", .currency),
                Field("years", .list(.mapping([
                    .required("year", .integer(1800...9999)), Field("revenue", .money(allowsNegative: true)),
                    Field("operating_margin", .fraction(isShare: false)), Field("net_income", .money(allowsNegative: true)),
                    Field("employees", .integer(0...100_000_000)),
                ]))),
                Field("rating", .text),
                Field("wallet", .mapping([Field("total", .money(allowsNegative: false)), Field("ours", .money(allowsNegative: false))])),
            ])),
            Field("strategy", .mapping([Field("summary", .text), Field("priorities", .list(.text))])),
            Field("competitors", .list(.mapping([
                .required("name", .text), Field("position", .words(Competitor.Position.self)), Field("share", .fraction(isShare: true)),
                Field("strengths", .list(.text)), Field("weaknesses", .list(.text)),
            ]))),
            Field("external_factors", .list(.mapping([
                Field("kind", .words(ExternalFactor.Kind.self)), .required("summary", .text), Field("impact", .words(ExternalFactor.Impact.self)),
            ]))),
            Field("stakeholders", .list(.mapping([
                .required("name", .text), Field("title", .text), Field("role", .words(Stakeholder.Role.self)),
                Field("stance", .words(Stakeholder.Stance.self)), Field("influence", .words(Level.self)), Field("reports_to", .text),
                Field("our_contact", .text), Field("wins", .list(.text)), Field("last_contact", .day),
            ]))),
            Field("motives", .list(.text)),
            Field("buying_basis", .list(.words(BuyingBasis.self))),
            Field("engagement", .words(Engagement.self)),
            Field("commitments", .list(.mapping([
                .required("promise", .text), Field("by", .words(Commitment.Party.self)), Field("owner", .text), Field("due", .day),
                Field("original_due", .day), Field("done", .day), Field("remedy", .text), Field("valued", .words(Level.self)),
            ]))),
            Field("plan", .list(.mapping([
                .required("milestone", .text), Field("owner", .text), Field("due", .day), Field("done", .day),
                // The number of one of the objectives: its upper bound depends on the dossier, so the decoder checks it.
                Field("objective", .integer(1...Int.max)),
            ]))),
            Field("assessment", .mapping([Field("attractiveness", .integer(1...5)), Field("strength", .integer(1...5))])),
            Field("next_meeting", .mapping([
                Field("date", .day), Field("with", .list(.text)), Field("objective", .text), Field("ask", .text),
                Field("fallback", .text), Field("their_interests", .list(.text)), Field("options", .list(.text)),
            ])),
            Field("private", .anything),
            Field("objectives", .list(.mapping([
                .required("goal", .text), Field("measure", .words(Objective.Measure.self)),
                // Its kind follows `measure` (a fraction, an amount, a stage or text), which the decoder checks.
                Field("target", .either([.number(), .text])),
                Field("by", .day),
            ]))),
            Field("value", .mapping([
                Field("proposition", .text),
                Field("outcomes", .list(.mapping([
                    .required("metric", .text), Field("baseline", .metric), Field("target", .metric), Field("actual", .metric),
                    Field("agreed_by", .text),
                ]))),
            ])),
            Field("opportunities", .list(.mapping([
                .required("name", .text), Field("offering", .text), Field("value", .money(allowsNegative: false)),
                Field("stage", .words(Opportunity.SalesStage.self)), Field("close", .day), Field("owner", .text),
            ]))),
            Field("whitespace", .list(.mapping([
                .required("centre", .text), Field("ours", .list(.text)),
                Field("competitors", .dictionary(keys: .text, values: .text, valuesMayBeNull: false)), Field("open", .list(.text)),
            ]))),
            Field("economics", .mapping([
                Field("feasibility", .mapping([Field("verdict", .words(Economics.Feasibility.Verdict.self)), Field("decided", .day), Field("reason", .text)])),
                Field("years", .list(.mapping([
                    .required("year", .integer(1800...9999)), Field("our_revenue", .money(allowsNegative: false)),
                    Field("gross_margin", .fraction(isShare: false)), Field("cost_to_serve", .money(allowsNegative: false)),
                ]))),
            ])),
            Field("governance", .mapping([
                Field("sponsors", .list(.mapping([Field("ours", .text), Field("theirs", .text), Field("last_met", .day)], requiresOneOf: ["ours", "theirs"]))),
                Field("review_every_months", .integer(1...60)),
                Field("last_review", .day),
            ])),
            Field("stage_evidence", .mapping([
                Field("functions", .list(.text)), Field("shares", .list(.words(StageEvidence.SharedInformation.self))),
                Field("supplier_status", .words(StageEvidence.SupplierStatus.self)), Field("joint_plan", .flag),
            ])),
            Field("crm_id", .text),
        ])
    }

    /// The known keys of the mapping at `path` in the front-matter (see `FieldShape.keys(at:)`).
    static func knownKeys(at path: String) -> [String] {
        knownKeysByPath[path] ?? []
    }

    /// Every mapping's keys by path, worked out once.
    private static let knownKeysByPath: [String: [String]] = {
        var result: [String: [String]] = [:]
        func visit(_ shape: FieldShape, at path: String) {
            switch shape {
            case .mapping(let fields, _):
                result[path] = fields.map(\.key)
                for field in fields { visit(field.shape, at: path.isEmpty ? field.key : "\(path).\(field.key)") }
            case .list(let item):
                visit(item, at: path + "[]")
            default:
                break
            }
        }
        visit(shape, at: "")
        return result
    }()
}
