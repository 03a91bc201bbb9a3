/// How a decoded dossier and its rendered body are kept in the build cache, field by field.
///
/// The dossier's Markdown source is not kept: pages use the rendered body.
/// A field added to `Dossier` must be added here too; `CacheTests` compares a round trip of the example site.
extension Dossier: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(slug); writer.write(path); writer.write(name); writer.write(owner); writer.write(team)
        writer.write(stage); writer.write(stageSince); writer.write(target); writer.write(tier); writer.write(reviewed)
        writer.write(tags); writer.write(segments); writer.write(financials); writer.write(strategy)
        writer.write(competitors); writer.write(externalFactors); writer.write(stakeholders); writer.write(motives)
        writer.write(engagement); writer.write(commitments); writer.write(plan); writer.write(assessment)
        writer.write(nextMeeting); writer.write(privateNotes); writer.write(bodyLine); writer.write(keyLines)
        writer.write(objectives); writer.write(value); writer.write(opportunities); writer.write(whitespace)
        writer.write(economics); writer.write(governance); writer.write(stageEvidence); writer.write(buyingBasis); writer.write(crmID)
    }

    init(from reader: inout CacheReader) throws {
        self.init(slug: try reader.read(), path: try reader.read(), name: try reader.read(), owner: try reader.read(), stage: .pre)
        team = try reader.read(); stage = try reader.read(); stageSince = try reader.read(); target = try reader.read()
        tier = try reader.read(); reviewed = try reader.read(); tags = try reader.read(); segments = try reader.read()
        financials = try reader.read(); strategy = try reader.read(); competitors = try reader.read()
        externalFactors = try reader.read(); stakeholders = try reader.read(); motives = try reader.read()
        engagement = try reader.read(); commitments = try reader.read(); plan = try reader.read()
        assessment = try reader.read(); nextMeeting = try reader.read(); privateNotes = try reader.read()
        bodyLine = try reader.read(); keyLines = try reader.read()
        objectives = try reader.read(); value = try reader.read(); opportunities = try reader.read(); whitespace = try reader.read()
        economics = try reader.read(); governance = try reader.read(); stageEvidence = try reader.read()
        buyingBasis = try reader.read(); crmID = try reader.read()
    }
}

extension Stage: CacheCodable {}
extension Segment.Trend: CacheCodable {}
extension Competitor.Position: CacheCodable {}
extension ExternalFactor.Kind: CacheCodable {}
extension ExternalFactor.Impact: CacheCodable {}
extension Stakeholder.Role: CacheCodable {}
extension Stakeholder.Stance: CacheCodable {}
extension Engagement: CacheCodable {}
extension BuyingBasis: CacheCodable {}
extension Level: CacheCodable {}
extension Commitment.Party: CacheCodable {}
extension Objective.Measure: CacheCodable {}
extension Opportunity.SalesStage: CacheCodable {}
extension Economics.Feasibility.Verdict: CacheCodable {}
extension StageEvidence.SharedInformation: CacheCodable {}
extension StageEvidence.SupplierStatus: CacheCodable {}

extension Day: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(year * 10_000 + month * 100 + day) }
    init(from reader: inout CacheReader) throws {
        let value: Int = try reader.read()
        guard let day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100) else { throw CacheReader.Damaged() }
        self = day
    }
}

extension Target: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(stage); writer.write(by) }
    init(from reader: inout CacheReader) throws { self.init(stage: try reader.read(), by: try reader.read()) }
}

extension Segment: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(name); writer.write(share); writer.write(trend) }
    init(from reader: inout CacheReader) throws { self.init(name: try reader.read(), share: try reader.read(), trend: try reader.read()) }
}

extension Financials: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(currency); writer.write(years); writer.write(rating); writer.write(wallet) }
    init(from reader: inout CacheReader) throws {
        self.init(currency: try reader.read(), years: try reader.read(), rating: try reader.read(), wallet: try reader.read())
    }
}

extension Financials.Year: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(year); writer.write(revenue); writer.write(operatingMargin); writer.write(netIncome); writer.write(employees)
    }
    init(from reader: inout CacheReader) throws {
        self.init(year: try reader.read(), revenue: try reader.read(), operatingMargin: try reader.read(),
                  netIncome: try reader.read(), employees: try reader.read())
    }
}

extension Financials.Wallet: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(total); writer.write(ours) }
    init(from reader: inout CacheReader) throws { self.init(total: try reader.read(), ours: try reader.read()) }
}

extension Strategy: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(summary); writer.write(priorities) }
    init(from reader: inout CacheReader) throws { self.init(summary: try reader.read(), priorities: try reader.read()) }
}

extension Competitor: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(name); writer.write(position); writer.write(share); writer.write(strengths); writer.write(weaknesses)
    }
    init(from reader: inout CacheReader) throws {
        self.init(name: try reader.read(), position: try reader.read(), share: try reader.read(),
                  strengths: try reader.read(), weaknesses: try reader.read())
    }
}

extension ExternalFactor: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(kind); writer.write(summary); writer.write(impact); writer.write(index) }
    init(from reader: inout CacheReader) throws {
        self.init(kind: try reader.read(), summary: try reader.read(), impact: try reader.read(), index: try reader.read())
    }
}

extension Stakeholder: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(name); writer.write(title); writer.write(role); writer.write(stance); writer.write(lastContact); writer.write(line)
        writer.write(influence); writer.write(reportsTo); writer.write(ourContact); writer.write(wins)
    }
    init(from reader: inout CacheReader) throws {
        self.init(name: try reader.read(), title: try reader.read(), role: try reader.read(), stance: try reader.read(),
                  lastContact: try reader.read(), line: try reader.read(), influence: try reader.read(), reportsTo: try reader.read(),
                  ourContact: try reader.read(), wins: try reader.read())
    }
}

extension Commitment: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(promise); writer.write(owner); writer.write(due); writer.write(done); writer.write(remedy); writer.write(line)
        writer.write(promisedBy); writer.write(originalDue); writer.write(valued)
    }
    init(from reader: inout CacheReader) throws {
        self.init(promise: try reader.read(), owner: try reader.read(), due: try reader.read(), done: try reader.read(),
                  remedy: try reader.read(), line: try reader.read(), promisedBy: try reader.read(), originalDue: try reader.read(),
                  valued: try reader.read())
    }
}

extension Milestone: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(milestone); writer.write(due); writer.write(done); writer.write(line); writer.write(owner); writer.write(objective)
    }
    init(from reader: inout CacheReader) throws {
        self.init(milestone: try reader.read(), due: try reader.read(), done: try reader.read(), line: try reader.read(),
                  owner: try reader.read(), objective: try reader.read())
    }
}

extension Assessment: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(attractiveness); writer.write(strength) }
    init(from reader: inout CacheReader) throws { self.init(attractiveness: try reader.read(), strength: try reader.read()) }
}

extension Meeting: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(date); writer.write(with); writer.write(objective)
        writer.write(ask); writer.write(fallback); writer.write(theirInterests); writer.write(options)
    }
    init(from reader: inout CacheReader) throws {
        self.init(date: try reader.read(), with: try reader.read(), objective: try reader.read(), ask: try reader.read(),
                  fallback: try reader.read(), theirInterests: try reader.read(), options: try reader.read())
    }
}

extension PrivateNote: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(depth); writer.write(key); writer.write(value) }
    init(from reader: inout CacheReader) throws { self.init(depth: try reader.read(), key: try reader.read(), value: try reader.read()) }
}

extension Objective: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(goal); writer.write(measure); writer.write(target); writer.write(by); writer.write(line) }
    init(from reader: inout CacheReader) throws {
        self.init(goal: try reader.read(), measure: try reader.read(), target: try reader.read(), by: try reader.read(), line: try reader.read())
    }
}

extension Objective.TargetValue: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .fraction(let value): writer.write(0); writer.write(value)
        case .amount(let value): writer.write(1); writer.write(value)
        case .stage(let stage): writer.write(2); writer.write(stage)
        case .text(let text): writer.write(3); writer.write(text)
        }
    }
    init(from reader: inout CacheReader) throws {
        switch try reader.read(Int.self) {
        case 0: self = .fraction(try reader.read())
        case 1: self = .amount(try reader.read())
        case 2: self = .stage(try reader.read())
        case 3: self = .text(try reader.read())
        default: throw CacheReader.Damaged()
        }
    }
}

extension MetricValue: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(number); writer.write(isPercent) }
    init(from reader: inout CacheReader) throws { self.init(number: try reader.read(), isPercent: try reader.read()) }
}

extension ValueCase: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(proposition); writer.write(outcomes) }
    init(from reader: inout CacheReader) throws { self.init(proposition: try reader.read(), outcomes: try reader.read()) }
}

extension ValueCase.Outcome: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(metric); writer.write(baseline); writer.write(target); writer.write(actual); writer.write(agreedBy); writer.write(line)
    }
    init(from reader: inout CacheReader) throws {
        self.init(metric: try reader.read(), baseline: try reader.read(), target: try reader.read(), actual: try reader.read(),
                  agreedBy: try reader.read(), line: try reader.read())
    }
}

extension Opportunity: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(name); writer.write(offering); writer.write(value); writer.write(stage); writer.write(close); writer.write(owner)
        writer.write(line)
    }
    init(from reader: inout CacheReader) throws {
        self.init(name: try reader.read(), offering: try reader.read(), value: try reader.read(), stage: try reader.read(),
                  close: try reader.read(), owner: try reader.read(), line: try reader.read())
    }
}

extension BuyingCentre: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(name); writer.write(ours); writer.write(competitors); writer.write(open); writer.write(line) }
    init(from reader: inout CacheReader) throws {
        self.init(name: try reader.read(), ours: try reader.read(), competitors: try reader.read(), open: try reader.read(), line: try reader.read())
    }
}

extension BuyingCentre.Supply: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(offering); writer.write(supplier) }
    init(from reader: inout CacheReader) throws { self.init(offering: try reader.read(), supplier: try reader.read()) }
}

extension Economics: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(feasibility); writer.write(years) }
    init(from reader: inout CacheReader) throws { self.init(feasibility: try reader.read(), years: try reader.read()) }
}

extension Economics.Feasibility: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(verdict); writer.write(decided); writer.write(reason) }
    init(from reader: inout CacheReader) throws { self.init(verdict: try reader.read(), decided: try reader.read(), reason: try reader.read()) }
}

extension Economics.Year: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(year); writer.write(ourRevenue); writer.write(grossMargin); writer.write(costToServe) }
    init(from reader: inout CacheReader) throws {
        self.init(year: try reader.read(), ourRevenue: try reader.read(), grossMargin: try reader.read(), costToServe: try reader.read())
    }
}

extension Governance: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(sponsors); writer.write(reviewEveryMonths); writer.write(lastReview) }
    init(from reader: inout CacheReader) throws {
        self.init(sponsors: try reader.read(), reviewEveryMonths: try reader.read(), lastReview: try reader.read())
    }
}

extension Governance.SponsorPair: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(ours); writer.write(theirs); writer.write(lastMet); writer.write(line) }
    init(from reader: inout CacheReader) throws {
        self.init(ours: try reader.read(), theirs: try reader.read(), lastMet: try reader.read(), line: try reader.read())
    }
}

extension StageEvidence: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(functions); writer.write(shares); writer.write(supplierStatus); writer.write(jointPlan) }
    init(from reader: inout CacheReader) throws {
        self.init(functions: try reader.read(), shares: try reader.read(), supplierStatus: try reader.read(), jointPlan: try reader.read())
    }
}

extension RenderedMarkdown: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(html); writer.write(talkingPointsHTML) }
    init(from reader: inout CacheReader) throws { self.init(html: try reader.read(), talkingPointsHTML: try reader.read()) }
}
