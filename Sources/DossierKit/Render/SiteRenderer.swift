/// Renders every page of the site from its accounts: the render-templates stage.
struct SiteRenderer {
    var theme: Theme
    var config: SiteConfig
    var asOf: Day
    var jobs = 1

    /// All output files, in a fixed order: pages, then the search index and the assets.
    func render(_ accounts: [Account]) -> [OutputFile] {
        let env = RenderEnvironment(config: config, asOf: asOf, strings: theme.strings, links: SiteLinks(accounts: accounts))
        var files: [OutputFile] = [
            page("index.html", "index", PageContext.portfolio(accounts, env)),
            page("stages/index.html", "stages", PageContext.stageOverview(accounts, env)),
        ]
        for stage in Stage.allCases {
            files.append(page("stages/\(stage.rawValue)/index.html", "stage", PageContext.stagePage(stage, accounts: accounts, env)))
        }
        let theme = self.theme
        files += accounts.parallelMap(jobs: jobs) { account -> [OutputFile] in
            let context = PageContext.account(account, env)
            let folder = "accounts/\(account.dossier.slug)"
            return [
                OutputFile(path: "\(folder)/index.html", contents: theme.render("account", with: context)),
                OutputFile(path: "\(folder)/brief.html", contents: theme.render("brief", with: context)),
            ]
        }.flatMap { $0 }
        files += crossReferences(accounts, env)
        files.append(page("search/index.html", "search", PageContext.search(accounts, env)))
        files.append(OutputFile(path: "search/index.js", contents: SearchIndex.script(for: accounts, strings: env.strings)))
        for name in Theme.assetNames {
            files.append(OutputFile(path: "assets/\(name)", contents: theme.assets[name] ?? ""))
        }
        return files
    }

    private func page(_ path: String, _ template: String, _ context: Context) -> OutputFile {
        OutputFile(path: path, contents: theme.render(template, with: context))
    }

    /// Owners, segments, competitors, tags and meetings pages.
    private func crossReferences(_ accounts: [Account], _ env: RenderEnvironment) -> [OutputFile] {
        var files = [page("meetings/index.html", "meetings", PageContext.meetings(accounts, env))]
        for kind in SiteLinks.Kind.allCases {
            let (columns, items) = PageContext.groupItems(kind, env)
            let groups = NameGroup.group(accounts, slugger: env.links.slugger(for: kind), by: items)
            files.append(page("\(kind.rawValue)/index.html", "directory", PageContext.directory(kind, groups: groups, env)))
            for group in groups {
                let path = "\(kind.rawValue)/\(group.slug)/index.html"
                files.append(kind == .owners
                    ? page(path, "owner", PageContext.owner(group, env))
                    : page(path, "group", PageContext.group(kind, group, columns: columns, env)))
            }
        }
        return files
    }
}
