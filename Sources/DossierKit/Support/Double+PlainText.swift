extension Double {
    /// The number as plain text that reads back as the same number, in YAML, CSV and JSON alike: whole
    /// numbers without a decimal point (`1840000`), others in the shortest exact form (`0.14523809523809525`).
    var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
