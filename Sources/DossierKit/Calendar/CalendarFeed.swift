/// The site's calendar feeds, as iCalendar text: `meetings.ics` (every account's next meeting) and,
/// beside each owner's page, `owners/<slug>/calendar.ics` (their meetings, plan items and promises due).
///
/// A feed holds only what the pages of every audience show: names, the meeting's objective and who
/// attends, plan items and promises. Never the meeting's `ask` or `fallback`, never a private part
/// (those are gone before rendering for an audience that does not see them, and no feed reads them
/// for one that does): a calendar is copied to phones and shared further than the site.
enum CalendarFeed {
    /// `meetings.ics`: one all-day event per account with a next meeting, in date order, then by account.
    static func meetings(_ accounts: [Account], _ env: RenderEnvironment) -> String {
        let writer = ICalendarWriter(name: env.strings.format("calendar_meetings_name", ["title": env.config.title]), stamp: env.asOf)
        return writer.document(meetingEvents(accounts, env))
    }

    /// `owners/<slug>/calendar.ics`: the meetings of the accounts the person owns or is on the team of,
    /// and every plan item and promise not done that is theirs to see to (`Dossier.agenda(of:asOf:days:)`,
    /// as on their page, but without the page's 14-day horizon: a calendar shows the future), by day.
    static func owner(_ group: NameGroup<[String]>, _ env: RenderEnvironment) -> String {
        let accounts = group.members.map(\.account)
        let writer = ICalendarWriter(name: env.strings.format("calendar_owner_name", ["name": group.name, "title": env.config.title]),
                                     stamp: env.asOf)
        let events = meetingEvents(accounts, env) + agendaEvents(of: group.name, at: accounts, env)
        let sorted = events.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        return writer.document(sorted)
    }

    /// One event per next meeting with a date. Its UID is the account and the day: editing the objective or
    /// who attends updates the event; a new meeting on another day is another event.
    static func meetingEvents(_ accounts: [Account], _ env: RenderEnvironment) -> [CalendarEvent] {
        let strings = env.strings
        return accounts
            .compactMap { account in account.dossier.nextMeeting.flatMap { meeting in meeting.date.map { (account, meeting, $0) } } }
            .sorted { ($0.2, $0.0.dossier.slug) < ($1.2, $1.0.dossier.slug) }
            .map { account, meeting, date in
                let dossier = account.dossier
                var lines: [String] = []
                if let objective = meeting.objective { lines.append(strings.format("calendar_objective", ["objective": objective])) }
                if !meeting.with.isEmpty {
                    lines.append(strings.format("calendar_with", ["names": meeting.with.joined(separator: strings["list_separator"])]))
                }
                lines.append(strings.format("calendar_account_owner", ["owner": dossier.owner]))
                let brief = link(SiteLinks.briefPath(ofAccount: dossier.slug), env)
                lines.append(strings.format("calendar_brief", ["link": brief.text]))
                return CalendarEvent(uid: CalendarEvent.uid(["meeting", dossier.slug, date.description]), day: date,
                                     summary: strings.format("calendar_meeting_summary", ["account": dossier.name]),
                                     description: lines, url: brief.url)
            }
    }

    /// One event per plan item or promise `person` must see to at `accounts`, on the day it is due
    /// (for an overdue promise whose date was moved, the day first promised, as on the owner's page).
    /// Its UID is the account, the kind and the text: a new due day or becoming overdue updates the event.
    static func agendaEvents(of person: String, at accounts: [Account], _ env: RenderEnvironment) -> [CalendarEvent] {
        let strings = env.strings
        return accounts.flatMap { account -> [CalendarEvent] in
            let dossier = account.dossier
            let report = link(SiteLinks.reportPath(ofAccount: dossier.slug), env)
            return dossier.agenda(of: person, asOf: env.asOf, days: daysUntilLastDue(of: dossier, asOf: env.asOf)).map { item in
                let summaryKey = item.isOverdue ? "calendar_overdue_summary" : "calendar_due_summary"
                let kind = strings["agenda_kind_\(item.kind.rawValue)"]
                return CalendarEvent(uid: CalendarEvent.uid([item.kind.rawValue, dossier.slug, item.text]), day: item.due,
                                     summary: strings.format(summaryKey, ["text": item.text, "account": dossier.name]),
                                     description: [strings.format("calendar_item", ["kind": kind, "account": dossier.name]),
                                                   strings.format("calendar_report", ["link": report.text])],
                                     url: report.url, isTransparent: true)
            }
        }
    }

    /// Days from `asOf` to the last due day of the dossier's plan and promises (0 when none is later), so
    /// that the agenda reaches every item.
    private static func daysUntilLastDue(of dossier: Dossier, asOf: Day) -> Int {
        let last = (dossier.plan.compactMap(\.due) + dossier.commitments.compactMap(\.due)).max()
        return max(0, last.map { asOf.days(until: $0) } ?? 0)
    }

    /// A page of the site as an event shows it: its absolute address when the settings give `base_url`
    /// (also the event's `URL`), else its path from the site's root, said to be on the site.
    private static func link(_ path: String, _ env: RenderEnvironment) -> (text: String, url: String?) {
        if let address = SiteLinks.address(of: path, baseURL: env.config.baseURL) { return (address, address) }
        return (env.strings.format("calendar_on_site", ["path": path]), nil)
    }
}
