/// Renders every page of the site from its accounts: the render-templates stage.
struct SiteRenderer {
    var theme: Theme
    var config: SiteConfig
    var asOf: Day

    /// All output files, in a fixed order: pages, then stylesheets.
    func render(_ accounts: [Account]) -> [OutputFile] {
        var files: [OutputFile] = [
            OutputFile(path: "index.html", contents: theme.render("index", with: PageContext.portfolio(accounts, site: config, asOf: asOf))),
            OutputFile(path: "stages/index.html", contents: theme.render("stages", with: PageContext.stageOverview(accounts, site: config, asOf: asOf))),
        ]
        for stage in Stage.allCases {
            let context = PageContext.stagePage(stage, accounts: accounts, site: config, asOf: asOf)
            files.append(OutputFile(path: "stages/\(stage.rawValue)/index.html", contents: theme.render("stage", with: context)))
        }
        for account in accounts {
            let context = PageContext.account(account, site: config, asOf: asOf)
            let folder = "accounts/\(account.dossier.slug)"
            files.append(OutputFile(path: "\(folder)/index.html", contents: theme.render("account", with: context)))
            files.append(OutputFile(path: "\(folder)/brief.html", contents: theme.render("brief", with: context)))
        }
        for name in Theme.assetNames {
            files.append(OutputFile(path: "assets/\(name)", contents: theme.assets[name] ?? ""))
        }
        return files
    }
}
