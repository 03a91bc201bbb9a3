/// The account plan summed over the portfolio: the pipeline by sales stage and by relationship stage,
/// the white space per offering, and our revenue and gross margin by year.
///
/// Amounts are in the site's currency: each dossier's amounts (in its `financials.currency`) are
/// converted with `exchange_rates`, as the portfolio does for wallets; amounts in a currency without a
/// rate are left out of every sum, and their currencies are listed in `unconverted`.
public struct PortfolioPlan: Sendable {
    /// A number of opportunities and their summed value.
    public struct Sum: Sendable, Equatable {
        public var count = 0
        /// The summed value in the site's currency (opportunities without a value count as zero).
        public var value = 0.0

        public init(count: Int = 0, value: Double = 0) {
            self.count = count
            self.value = value
        }
    }

    /// An account holding an offering, with the buying centres where it does.
    public struct Placement: Sendable {
        public var account: Account
        /// The centres, in the order the dossier writes them.
        public var centres: [String]
    }

    /// A competitor supplying an offering, with the accounts it supplies it to.
    public struct Supplier: Sendable {
        /// The name as first written (names that differ only in case or spacing are one supplier).
        public var name: String
        public var placements: [Placement]
    }

    /// An open opportunity with its account and its value in the site's currency (nil: unknown or unconvertible).
    public struct OpenOpportunity: Sendable {
        public var account: Account
        public var opportunity: Opportunity
        public var value: Double?
    }

    /// Where one offering of `offerings` stands across the portfolio.
    public struct Coverage: Sendable {
        public var offering: String
        /// Accounts with a centre buying it from us.
        public var ours: [Placement] = []
        /// Competitors supplying it, most accounts first, then by name.
        public var suppliers: [Supplier] = []
        /// Accounts with a centre that needs it and has nobody supplying it.
        public var open: [Placement] = []
        /// Open opportunities for it: earliest close first (those without a close last), then largest value.
        public var opportunities: [OpenOpportunity] = []

        /// The number of accounts buying it from a competitor (an account counts once, whatever its number of suppliers).
        public var competitorAccountCount: Int {
            Set(suppliers.flatMap { $0.placements.map(\.account.dossier.slug) }).count
        }

        /// The open opportunities for it, counted and summed.
        public var openPipeline: Sum {
            Sum(count: opportunities.count, value: opportunities.reduce(0) { $0 + ($1.value ?? 0) })
        }
    }

    /// Our revenue and gross margin with all accounts in one year.
    public struct Year: Sendable, Equatable {
        public var year: Int
        /// Our revenue summed over the accounts that give it for the year.
        public var revenue: Double
        /// The accounts whose revenue is in `revenue`.
        public var accounts: Int
        /// The gross margin over the accounts that give both revenue and margin, weighted by revenue; nil when none does.
        public var grossMargin: Double?
    }

    /// Every sales stage with its opportunities, in pipeline order (qualify … lost).
    public var bySalesStage: [(stage: Opportunity.SalesStage, sum: Sum)]
    /// Open opportunities without a sales stage (they count as open).
    public var withoutSalesStage: Sum
    /// The open pipeline by the relationship stage of the account, in stage order.
    public var openByStage: [(stage: Stage, sum: Sum)]
    /// The open pipeline over all accounts.
    public var openTotal: Sum
    /// One entry per `offerings` of dossier.yml, in its order; empty when it lists none.
    public var offerings: [Coverage]
    /// The number of accounts summed.
    public var accountCount: Int
    /// The number of accounts with a white-space grid.
    public var accountsWithWhitespace: Int
    /// Our revenue and gross margin by year, oldest first, over the accounts that give `economics.years`.
    public var years: [Year]
    /// Currencies whose amounts were left out for want of an exchange rate, sorted.
    public var unconverted: [String]

    /// Sums the plans of `accounts` with the settings' currency, exchange rates and offerings.
    /// Accounts in the lists are sorted by name, then slug.
    public init(_ accounts: [Account], config: SiteConfig) {
        let accounts = accounts.sorted { ($0.dossier.name, $0.dossier.slug) < ($1.dossier.name, $1.dossier.slug) }
        var unconverted: Set<String> = []
        func convert(_ amount: Double, _ dossier: Dossier) -> Double? {
            let currency = dossier.financials?.currency
            guard let converted = config.inSiteCurrency(amount, from: currency) else {
                unconverted.insert(currency ?? config.currency)
                return nil
            }
            return converted
        }
        var salesSums: [Opportunity.SalesStage: Sum] = [:]
        var withoutStage = Sum()
        var stageSums: [Stage: Sum] = [:]
        var total = Sum()
        var opportunitiesByOffering: [String: [OpenOpportunity]] = [:]
        var revenueByYear: [Int: (revenue: Double, accounts: Int, marginRevenue: Double, profit: Double)] = [:]
        for account in accounts {
            let dossier = account.dossier
            for opportunity in dossier.opportunities {
                let value = opportunity.value.flatMap { convert($0, dossier) }
                let add = { (sum: inout Sum) in
                    sum.count += 1
                    sum.value += value ?? 0
                }
                if let stage = opportunity.stage { add(&salesSums[stage, default: Sum()]) } else { add(&withoutStage) }
                guard opportunity.isOpen else { continue }
                add(&stageSums[dossier.stage, default: Sum()])
                add(&total)
                if let offering = opportunity.offering {
                    opportunitiesByOffering[offering, default: []].append(OpenOpportunity(account: account, opportunity: opportunity, value: value))
                }
            }
            for year in dossier.economics?.years ?? [] {
                guard let revenue = year.ourRevenue, let converted = convert(revenue, dossier) else { continue }
                var entry = revenueByYear[year.year] ?? (0, 0, 0, 0)
                entry.revenue += converted
                entry.accounts += 1
                if let margin = year.grossMargin {
                    entry.marginRevenue += converted
                    entry.profit += converted * margin
                }
                revenueByYear[year.year] = entry
            }
        }
        bySalesStage = Opportunity.SalesStage.allCases.map { ($0, salesSums[$0] ?? Sum()) }
        withoutSalesStage = withoutStage
        openByStage = Stage.allCases.map { ($0, stageSums[$0] ?? Sum()) }
        openTotal = total
        accountCount = accounts.count
        accountsWithWhitespace = accounts.filter { !$0.dossier.whitespace.isEmpty }.count
        offerings = config.offerings.map { offering in
            var coverage = Self.coverage(of: offering, in: accounts)
            coverage.opportunities = (opportunitiesByOffering[offering] ?? []).enumerated().sorted { lhs, rhs in
                let (left, right) = (lhs.element, rhs.element)
                if left.opportunity.close != right.opportunity.close {
                    guard let leftClose = left.opportunity.close else { return false }
                    guard let rightClose = right.opportunity.close else { return true }
                    return leftClose < rightClose
                }
                if (left.value ?? -1) != (right.value ?? -1) { return (left.value ?? -1) > (right.value ?? -1) }
                return lhs.offset < rhs.offset
            }.map(\.element)
            return coverage
        }
        years = revenueByYear.keys.sorted().compactMap { year in
            revenueByYear[year].map { entry in
                Year(year: year, revenue: entry.revenue, accounts: entry.accounts,
                     grossMargin: entry.marginRevenue > 0 ? entry.profit / entry.marginRevenue : nil)
            }
        }
        self.unconverted = unconverted.sorted()
    }

    /// Who supplies `offering` at each account's buying centres (a centre's coverage as `BuyingCentre` decides it).
    private static func coverage(of offering: String, in accounts: [Account]) -> Coverage {
        var coverage = Coverage(offering: offering)
        var supplierIndex: [String: Int] = [:]
        var suppliers: [Supplier] = []
        for account in accounts {
            var ours: [String] = []
            var open: [String] = []
            var theirs: [(key: String, name: String, centres: [String])] = []
            for centre in account.dossier.whitespace {
                switch centre.coverage(of: offering) {
                case .ours: ours.append(centre.name)
                case .open: open.append(centre.name)
                case .competitor(let supplier):
                    let key = NameSlugger.key(supplier)
                    if let index = theirs.firstIndex(where: { $0.key == key }) {
                        theirs[index].centres.append(centre.name)
                    } else {
                        theirs.append((key, supplier, [centre.name]))
                    }
                case .unknown: break
                }
            }
            if !ours.isEmpty { coverage.ours.append(Placement(account: account, centres: ours)) }
            if !open.isEmpty { coverage.open.append(Placement(account: account, centres: open)) }
            for supply in theirs {
                let placement = Placement(account: account, centres: supply.centres)
                if let index = supplierIndex[supply.key] {
                    suppliers[index].placements.append(placement)
                } else {
                    supplierIndex[supply.key] = suppliers.count
                    suppliers.append(Supplier(name: supply.name, placements: [placement]))
                }
            }
        }
        coverage.suppliers = suppliers.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.placements.count != right.placements.count { return left.placements.count > right.placements.count }
            let (leftKey, rightKey) = (NameSlugger.key(left.name), NameSlugger.key(right.name))
            return leftKey != rightKey ? leftKey < rightKey : lhs.offset < rhs.offset
        }.map(\.element)
        return coverage
    }
}
