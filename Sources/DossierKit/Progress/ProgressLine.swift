/// One stage's progress as numbers, and the text the terminal shows for it: the line drawn while it
/// runs, and its part of the summary once the run is over. A pure value, so it is tested without a
/// terminal or a clock.
struct ProgressLine: Sendable, Equatable {
    var stage: BuildProgress.Stage
    /// Items done so far.
    var done = 0
    /// Items the stage has; nil when it does not know (or counts nothing).
    var total: Int?
    /// Seconds since the stage began (its duration once it is over).
    var stageSeconds: Double = 0
    /// Seconds since the run began.
    var elapsedSeconds: Double = 0

    /// A stage must have run this long before a rate is shown, so the first items do not give a wild one.
    static let rateAfterSeconds = 1.0

    /// Items per second so far; nil before there is a meaningful one.
    var rate: Double? {
        guard done > 0, stageSeconds >= Self.rateAfterSeconds else { return nil }
        return Double(done) / stageSeconds
    }

    /// Seconds until the stage is done at the rate so far, rounded up; nil without a total or a rate,
    /// and until a hundredth of the stage is done (the first pages written are the large ones that
    /// list every account: a guess from them alone is hours off).
    var secondsLeft: Int? {
        guard let total, let rate, done < total, done * 100 >= total else { return nil }
        return Int((Double(total - done) / rate).rounded(.up))
    }

    /// The line drawn while the stage runs, cut to `columns` less one (a character in the last column
    /// makes some terminals wrap): `[0:12] parsing 4210/10000 dossiers (42%), 2105/s, 0:03 left`.
    func text(columns: Int) -> String {
        var text = "[\(Self.clock(Int(elapsedSeconds)))] \(stage.label)"
        if let unit = stage.unit {
            if let total {
                text += " \(done)/\(total) \(unit)"
                if total > 0 { text += " (\(min(100, done * 100 / total))%)" }
            } else if done > 0 {
                text += " \(done) \(unit)"
            }
            if let rate { text += ", \(Self.rate(rate))/s" }
            if let secondsLeft { text += ", \(Self.clock(secondsLeft)) left" }
        }
        return String(text.prefix(max(0, columns - 1)))
    }

    /// The stage's part of the summary: `parsing 10000 dossiers 4.1 s` (`1 dossier`).
    var summary: String {
        let counted = stage.unit.map { " \(done) \(done == 1 ? String($0.dropLast()) : $0)" } ?? ""
        return "\(stage.label)\(counted) \(Self.seconds(stageSeconds))"
    }

    /// The summary of a run: `done in 12.4 s: reading 10000 files 0.4 s, parsing 10000 dossiers 4.1 s, …`.
    static func summary(of stages: [ProgressLine], seconds: Double) -> String {
        let parts = stages.map(\.summary).joined(separator: ", ")
        return "done in \(Self.seconds(seconds))" + (parts.isEmpty ? "" : ": \(parts)")
    }

    /// `0:03`, `12:05`, `1:02:03`.
    static func clock(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let paddedSeconds = rest < 10 ? "0\(rest)" : "\(rest)"
        guard hours > 0 else { return "\(minutes):\(paddedSeconds)" }
        return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(paddedSeconds)"
    }

    /// `4.1 s`: tenths of a second, rounded.
    static func seconds(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    /// `2105` items a second; below ten, with a tenth: `3.5`.
    static func rate(_ rate: Double) -> String {
        guard rate < 10 else { return "\(Int(rate.rounded()))" }
        let tenths = Int((rate * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
