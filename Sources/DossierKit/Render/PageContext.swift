import Foundation

/// The values a template sees, built from accounts: one dictionary per page.
///
/// Mustache looks values up by key, so contexts are plain dictionaries and arrays of them; absent optional
/// values are simply left out, which makes `{{^key}}` sections say what is missing. Every word comes from
/// the strings file: templates read labels as `{{t.key}}`, and values are formatted here in the site's language.
public typealias Context = [String: Any]

enum PageContext {
    /// Keys every page has: where the site root is, the site's names, the as-of date, the labels (`t`)
    /// and the Content-Security-Policy (`content_security_policy`); `offerings_url` when dossier.yml lists offerings.
    static func common(_ env: RenderEnvironment, root: String, title: String) -> Context {
        var context: Context = [
            "root": root,
            "site_title": env.config.title,
            "page_title": title,
            "lang": env.strings["html_lang"],
            "content_security_policy": ContentSecurityPolicy(env.config).text,
            "as_of": env.format.day(env.asOf),
            "footer_as_of": env.strings.format("footer_as_of", ["date": env.format.day(env.asOf)]),
            "t": env.strings.templateTable,
        ]
        context["company"] = env.config.company
        if !env.config.offerings.isEmpty { context["offerings_url"] = root + SiteLinks.offeringsIndexPath }
        return context
    }

    static func stage(_ stage: Stage, _ env: RenderEnvironment) -> Context {
        ["title": env.strings.name(of: stage), "slug": stage.rawValue]
    }

    /// The account's findings as short flags, one per rule, most severe first.
    static func flags(of account: Account, _ env: RenderEnvironment) -> [Context] {
        var seen: Set<String> = []
        return account.findings.compactMap { finding in
            guard seen.insert(finding.ruleID).inserted else { return nil }
            return ["title": finding.title(in: env.strings), "severity": finding.severity.rawValue]
        }
    }

    /// A finding with its rule's explanation.
    static func finding(_ finding: Finding, _ env: RenderEnvironment) -> Context {
        [
            "title": finding.title(in: env.strings),
            "message": finding.message(in: env.strings),
            "severity": finding.severity.rawValue,
            "rule": finding.ruleID,
            "explanation": env.strings["rule_\(finding.ruleID)_explanation"],
        ]
    }

    /// `X by date` for a target, or nil without one.
    static func target(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        guard let target = dossier.target, target.stage != nil || target.by != nil else { return nil }
        var value: Context = [:]
        value["stage"] = target.stage.map { env.strings.name(of: $0) }
        value["by"] = target.by.map(env.format.day)
        if let stage = value["stage"] as? String, let by = value["by"] as? String {
            value["label"] = env.strings.format("target_by", ["stage": stage, "date": by])
        } else {
            value["label"] = (value["stage"] ?? value["by"]) as? String
        }
        return value
    }

    /// One line of an account in a list: used on the portfolio, stage and cross-reference pages.
    static func summary(of account: Account, root: String, _ env: RenderEnvironment) -> Context {
        let dossier = account.dossier
        let figures = account.figures
        let format = env.format
        var row: Context = [
            "name": dossier.name,
            "slug": dossier.slug,
            "url": "\(root)accounts/\(dossier.slug)/index.html",
            "brief_url": "\(root)accounts/\(dossier.slug)/brief.html",
            "owner": dossier.owner,
            "stage": stage(dossier.stage, env),
            "completeness": format.percent(figures.completeness),
            "flags": flags(of: account, env),
        ]
        row["tier"] = dossier.tier
        row["days_in_stage"] = dossier.stageSince.map { format.duration(from: $0, to: env.asOf) }
        row["on_time_rate"] = figures.onTimeRate.map(format.percent)
        row["share_of_wallet"] = figures.shareOfWallet.map(format.percent)
        row["target"] = target(of: dossier, env)
        let currency = dossier.financials?.currency ?? env.config.currency
        if let latest = dossier.financials?.years.last(where: { $0.revenue != nil }), let revenue = latest.revenue {
            row["revenue"] = env.strings.format("revenue_in_year", ["amount": format.money(revenue, currency: currency), "year": String(latest.year)])
        }
        return row
    }

    /// A link to an account with its owner and stage.
    static func link(to account: Account, root: String, _ env: RenderEnvironment) -> Context {
        [
            "name": account.dossier.name,
            "url": root + SiteLinks.reportPath(ofAccount: account.dossier.slug),
            "brief_url": root + SiteLinks.briefPath(ofAccount: account.dossier.slug),
            "owner": account.dossier.owner,
            "stage": stage(account.dossier.stage, env),
        ]
    }
}
