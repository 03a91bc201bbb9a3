/// One page of a paginated list: which list, which page and how the list is cut.
struct ListPage: Sendable, Equatable {
    /// The list's first page, relative to the site root, e.g. `stages/mid/index.html`.
    var listPath: String
    /// The page number, from 1.
    var number: Int
    var pagination: Pagination

    /// This page's file, relative to the site root.
    var path: String { SiteLinks.path(ofPage: number, inList: listPath) }
    /// The way from this page up to the site root, e.g. `../../` (empty at the root).
    var root: String { SiteLinks.root(of: path) }
    /// The positions of the rows this page shows.
    var rows: Range<Int> { pagination.rows(ofPage: number) }
    var isFirst: Bool { number == 1 }

    /// Every page of a list of `rowCount` rows whose first page is `listPath`.
    static func pages(of listPath: String, rowCount: Int, rowsPerPage: Int = Pagination.rowsPerPage) -> [ListPage] {
        let pagination = Pagination(rowCount: rowCount, rowsPerPage: rowsPerPage)
        return pagination.pageNumbers.map { ListPage(listPath: listPath, number: $0, pagination: pagination) }
    }

    /// The link from this page to page `number` of the same list.
    func url(ofPage number: Int) -> String {
        root + SiteLinks.path(ofPage: number, inList: listPath)
    }
}
