/// A list of rows cut into pages of at most `rowsPerPage` rows, each at a stable address (Hugo's scheme):
/// the first page is the list's own page, `<folder>/index.html`, and page N (2, 3, …) is
/// `<folder>/page/N/index.html`. A list of `rowsPerPage` rows or fewer is one page, exactly as before
/// lists were paginated. See docs/site-guide.md ("Long lists").
struct Pagination: Sendable, Equatable {
    /// The most rows a page of a list shows.
    static let rowsPerPage = 200

    /// How many rows the list has.
    var rowCount: Int
    /// The most rows one page shows.
    var rowsPerPage: Int

    init(rowCount: Int, rowsPerPage: Int = Self.rowsPerPage) {
        self.rowCount = max(0, rowCount)
        self.rowsPerPage = max(1, rowsPerPage)
    }

    /// How many pages the list takes: at least one, which says when the list is empty.
    var pageCount: Int { max(1, (rowCount + rowsPerPage - 1) / rowsPerPage) }

    /// The page numbers, from 1.
    var pageNumbers: ClosedRange<Int> { 1...pageCount }

    /// The positions of the rows page `number` (from 1) shows; empty for a page past the end.
    func rows(ofPage number: Int) -> Range<Int> {
        let start = min(rowCount, max(0, number - 1) * rowsPerPage)
        return start..<min(rowCount, start + rowsPerPage)
    }

    /// The page (from 1) that shows the row at `position` (from 0).
    func page(ofRow position: Int) -> Int { max(0, position) / rowsPerPage + 1 }

    /// The page numbers the navigation of page `current` lists: the first and last, and those within
    /// `reach` of the current one; `nil` stands for a gap of skipped numbers.
    func navigationNumbers(around current: Int, reach: Int = 3) -> [Int?] {
        var numbers: [Int?] = []
        var last = 0
        for number in pageNumbers where number == 1 || number == pageCount || abs(number - current) <= reach {
            if number > last + 1 { numbers.append(nil) }
            numbers.append(number)
            last = number
        }
        return numbers
    }
}
