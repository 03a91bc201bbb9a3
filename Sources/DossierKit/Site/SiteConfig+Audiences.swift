import Yams

/// `audiences:` and `default_audience:` in `dossier.yml`, and the choice of one audience for a run.
extension SiteConfig {
    /// Reads `audiences: {NAME: {private: BOOL}}` and `default_audience: NAME`. Without `audiences:`,
    /// the built-in `company` and `team` stay; `private:` left out means false, the safe side.
    static func decodeAudiences(_ fields: Fields, reader: inout NodeReader, into config: inout SiteConfig) {
        if let node = fields["audiences"], !reader.isNull(node) {
            guard case .mapping(let mapping) = node else {
                reader.report(.notAMapping(key: "audiences", found: reader.describe(node)), at: node)
                return
            }
            config.audiences = []
            config.defaultAudience = nil
            for (key, value) in mapping {
                guard let name = reader.text(key, at: "audiences") else { continue }
                let path = "audiences.\(name)"
                var showsPrivate = false
                if let settings = reader.fields(of: value, at: path, known: ["private"]), let flag = settings["private"] {
                    if let bool = flag.bool, tagName(flag) == .bool {
                        showsPrivate = bool
                    } else {
                        reader.report(.wrongType(key: path + ".private", expected: "true or false", found: reader.describe(flag)), at: flag)
                    }
                }
                config.audiences.append(Audience(name: name, showsPrivate: showsPrivate))
            }
        }
        if let node = fields["default_audience"], let name = reader.text(node, at: "default_audience") {
            let names = config.audiences.map(\.name)
            if names.contains(name) {
                config.defaultAudience = name
            } else {
                reader.report(.unknownValue(key: "default_audience", value: name, allowed: names), at: node)
            }
        }
    }

    /// Chooses the audience of this run: `name` (from `--audience`), else the default. Returns the
    /// problem when `name` is not one of the site's audiences; the safe default stays chosen then.
    mutating func selectAudience(_ name: String?) -> Problem? {
        let wanted = name ?? defaultAudience
        guard let wanted else {
            audience = Audience.unnamedDefault
            return nil
        }
        guard let found = audiences.first(where: { $0.name == wanted }) else {
            audience = Audience.unnamedDefault
            return .unknownAudience(wanted, known: audiences.map(\.name))
        }
        audience = found
        return nil
    }
}
