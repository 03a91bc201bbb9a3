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
    }
    init(from reader: inout CacheReader) throws {
        self.init(name: try reader.read(), title: try reader.read(), role: try reader.read(), stance: try reader.read(),
                  lastContact: try reader.read(), line: try reader.read())
    }
}

extension Commitment: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(promise); writer.write(owner); writer.write(due); writer.write(done); writer.write(remedy); writer.write(line)
    }
    init(from reader: inout CacheReader) throws {
        self.init(promise: try reader.read(), owner: try reader.read(), due: try reader.read(), done: try reader.read(),
                  remedy: try reader.read(), line: try reader.read())
    }
}

extension Milestone: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(milestone); writer.write(due); writer.write(done); writer.write(line) }
    init(from reader: inout CacheReader) throws {
        self.init(milestone: try reader.read(), due: try reader.read(), done: try reader.read(), line: try reader.read())
    }
}

extension Assessment: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(attractiveness); writer.write(strength) }
    init(from reader: inout CacheReader) throws { self.init(attractiveness: try reader.read(), strength: try reader.read()) }
}

extension Meeting: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(date); writer.write(with); writer.write(objective) }
    init(from reader: inout CacheReader) throws { self.init(date: try reader.read(), with: try reader.read(), objective: try reader.read()) }
}

extension PrivateNote: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(depth); writer.write(key); writer.write(value) }
    init(from reader: inout CacheReader) throws { self.init(depth: try reader.read(), key: try reader.read(), value: try reader.read()) }
}

extension RenderedMarkdown: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(html); writer.write(talkingPointsHTML) }
    init(from reader: inout CacheReader) throws { self.init(html: try reader.read(), talkingPointsHTML: try reader.read()) }
}
