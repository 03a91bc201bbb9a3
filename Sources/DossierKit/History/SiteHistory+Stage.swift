extension SiteHistory {
    /// The history stage: each account's history from the git state read with the inputs, or, without
    /// history, a note saying why (nil when the build does not read history).
    static func histories(of analysis: SiteAnalysis, from inputs: SiteInputs, asOf: Day, since: Day?) -> ([String: AccountHistory], String?) {
        switch inputs.git {
        case nil:
            return ([:], nil)
        case .failure(let reason):
            return ([:], reason.description)
        case .success(let state):
            BuildProgress.begin(.history)
            let history = read(from: state, with: inputs.reader)
            return (history.accountHistories(for: analysis.dossiers, config: analysis.config, asOf: asOf, since: since), nil)
        }
    }
}
