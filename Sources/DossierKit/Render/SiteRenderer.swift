/// Renders every page of the site from its accounts: the render-templates stage.
struct SiteRenderer {
    var theme: Theme
    var config: SiteConfig
    var asOf: Day

    /// All output files, in a fixed order: pages, then stylesheets.
    func render(_ accounts: [Account]) -> [OutputFile] {
        let links = SiteLinks(accounts: accounts)
        var files: [OutputFile] = [
            OutputFile(path: "index.html", contents: theme.render("index", with: PageContext.portfolio(accounts, site: config, asOf: asOf))),
            OutputFile(path: "stages/index.html", contents: theme.render("stages", with: PageContext.stageOverview(accounts, site: config, asOf: asOf))),
        ]
        for stage in Stage.allCases {
            let context = PageContext.stagePage(stage, accounts: accounts, site: config, asOf: asOf)
            files.append(OutputFile(path: "stages/\(stage.rawValue)/index.html", contents: theme.render("stage", with: context)))
        }
        for account in accounts {
            let context = PageContext.account(account, links: links, site: config, asOf: asOf)
            let folder = "accounts/\(account.dossier.slug)"
            files.append(OutputFile(path: "\(folder)/index.html", contents: theme.render("account", with: context)))
            files.append(OutputFile(path: "\(folder)/brief.html", contents: theme.render("brief", with: context)))
        }
        files += renderCrossReferences(accounts, links: links)
        var search = PageContext.common(site: config, asOf: asOf, root: "../", title: "Search")
        search["account_count"] = accounts.count
        files.append(OutputFile(path: "search/index.html", contents: theme.render("search", with: search)))
        files.append(OutputFile(path: "search/index.js", contents: SearchIndex.script(for: accounts)))
        for name in Theme.assetNames {
            files.append(OutputFile(path: "assets/\(name)", contents: theme.assets[name] ?? ""))
        }
        return files
    }

    /// Owners, segments, competitors, tags and meetings pages.
    private func renderCrossReferences(_ accounts: [Account], links: SiteLinks) -> [OutputFile] {
        var files: [OutputFile] = [
            OutputFile(path: "meetings/index.html", contents: theme.render("meetings", with: PageContext.meetings(accounts, site: config, asOf: asOf))),
        ]
        for kind in SiteLinks.Kind.allCases {
            let (columns, items) = PageContext.groupItems(kind)
            let groups = NameGroup.group(accounts, slugger: links.slugger(for: kind), by: items)
            let directory = PageContext.directory(kind, groups: groups, site: config, asOf: asOf)
            files.append(OutputFile(path: "\(kind.rawValue)/index.html", contents: theme.render("directory", with: directory)))
            for group in groups {
                let page = kind == .owners
                    ? theme.render("owner", with: PageContext.owner(group, site: config, asOf: asOf))
                    : theme.render("group", with: PageContext.group(kind, group, columns: columns, site: config, asOf: asOf))
                files.append(OutputFile(path: "\(kind.rawValue)/\(group.slug)/index.html", contents: page))
            }
        }
        return files
    }
}
