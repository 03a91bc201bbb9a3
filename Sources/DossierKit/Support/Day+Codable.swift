/// A day in the build cache: one number, `YYYYMMDD`; a number that is no real date does not decode.
extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        guard let day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a day: \(value)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(year * 10_000 + month * 100 + day)
    }
}
