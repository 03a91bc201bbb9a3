import Foundation

/// The values a template sees, built from accounts: one dictionary per page.
///
/// Mustache looks values up by key, so contexts are plain dictionaries and arrays of them; absent optional
/// values are simply left out, which makes `{{^key}}` sections say what is missing.
public typealias Context = [String: Any]

enum PageContext {
    /// Keys every page has: where the site root is, the site's names and the as-of date.
    static func common(site: SiteConfig, asOf: Day, root: String, title: String) -> Context {
        var context: Context = [
            "root": root,
            "site_title": site.title,
            "page_title": title,
            "lang": site.language,
            "as_of": Format.day(asOf),
            "as_of_iso": asOf.description,
        ]
        context["company"] = site.company
        return context
    }

    static func stage(_ stage: Stage) -> Context {
        ["title": stage.title, "slug": stage.rawValue]
    }

    /// The account's findings as short flags, one per rule, most severe first.
    static func flags(of account: Account) -> [Context] {
        var seen: Set<String> = []
        return account.findings.compactMap { finding in
            guard seen.insert(finding.ruleID).inserted else { return nil }
            return ["title": finding.title, "severity": finding.severity.rawValue]
        }
    }

    /// A finding with its rule's explanation.
    static func finding(_ finding: Finding) -> Context {
        [
            "title": finding.title,
            "message": finding.message,
            "severity": finding.severity.rawValue,
            "rule": finding.ruleID,
            "explanation": HealthRules.rule(withID: finding.ruleID)?.explanation ?? "",
        ]
    }

    /// One line of an account in a list: used on the portfolio and stage pages.
    static func summary(of account: Account, root: String, currency defaultCurrency: String) -> Context {
        let dossier = account.dossier
        let figures = account.figures
        var row: Context = [
            "name": dossier.name,
            "slug": dossier.slug,
            "url": "\(root)accounts/\(dossier.slug)/index.html",
            "brief_url": "\(root)accounts/\(dossier.slug)/brief.html",
            "owner": dossier.owner,
            "stage": stage(dossier.stage),
            "completeness": Format.percent(figures.completeness),
            "flags": flags(of: account),
        ]
        row["tier"] = dossier.tier
        row["days_in_stage"] = figures.daysInStage.map { Format.duration(days: $0) }
        row["on_time_rate"] = figures.onTimeRate.map(Format.percent)
        row["share_of_wallet"] = figures.shareOfWallet.map(Format.percent)
        if let target = dossier.target, target.stage != nil || target.by != nil {
            var value: Context = [:]
            value["stage"] = target.stage?.title
            value["by"] = target.by.map(Format.day)
            row["target"] = value
        }
        let currency = dossier.financials?.currency ?? defaultCurrency
        if let latest = dossier.financials?.years.last(where: { $0.revenue != nil }), let revenue = latest.revenue {
            row["revenue"] = "\(Format.money(revenue, currency: currency)) (\(latest.year))"
        }
        return row
    }
}
