/// The value we promised is proven: an outcome's `actual` meets its `target` (at or below it when the
/// target is below the baseline, as for error rates; at or above it otherwise). One signal per outcome.
struct ValueProvenSignal: HealthSignal {
    let id = "value-proven"

    func signals(in account: RuleInput) -> [Signal] {
        (account.dossier.value?.outcomes ?? []).compactMap { outcome in
            guard let target = outcome.target, let actual = outcome.actual, target.isPercent == actual.isPercent else { return nil }
            let lowerIsBetter = outcome.baseline.map { $0.number > target.number } ?? false
            let met = lowerIsBetter ? actual.number <= target.number + 1e-12 : actual.number >= target.number - 1e-12
            guard met else { return nil }
            return signal("message", ["metric": .text(outcome.metric), "actual": .measured(actual), "target": .measured(target)],
                          line: outcome.line)
        }
    }
}
