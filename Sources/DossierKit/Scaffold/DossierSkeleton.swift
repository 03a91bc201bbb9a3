import Foundation

/// The text of a new dossier and of a new site's settings.
enum DossierSkeleton {
    static func text(name: String, owner: String, today: Day) -> String {
        """
        ---
        # The account's dossier. Required: name, owner, stage. Everything else is optional:
        # uncomment a section when you have the research. See docs/dossier-format.md.
        name: \(quoted(name))
        owner: \(quoted(owner))
        # team: [Colleague One, Colleague Two]
        stage: pre                 # pre, early, mid, partnership, synergistic, uncoupling
        stage_since: \(today)
        # target:
        #   stage: early
        #   by: YYYY-MM-DD
        # tier: A
        reviewed: \(today)
        # tags: [industry, region]
        # segments:
        #   - name: Segment the customer serves
        #     share: 0.40          # or 40%
        #     trend: growing       # growing, stable, declining
        # financials:
        #   currency: EUR
        #   years:
        #     - {year: \(today.year - 1), revenue: 0, operating_margin: 5%, net_income: 0, employees: 0}
        #   rating: BBB
        #   wallet:
        #     total: 0             # what the customer spends in our category
        #     ours: 0              # how much of it is ours
        # strategy:
        #   summary: Where the customer says it is going.
        #   priorities:
        #     - A priority
        # competitors:
        #   - name: Competitor
        #     position: incumbent  # incumbent, challenger, niche, entrant
        #     share: 0.30
        #     strengths: [price]
        #     weaknesses: [service]
        # external_factors:
        #   - kind: legal          # political, economic, social, technological, legal, environmental
        #     summary: A law or technology that changes the customer's business.
        #     impact: negative     # positive, negative, mixed
        # stakeholders:
        #   - name: Full Name
        #     title: Job title
        #     role: decision-maker # decision-maker, economic-buyer, influencer, user, gatekeeper, champion, blocker
        #     stance: neutral      # supportive, neutral, opposed
        #     last_contact: YYYY-MM-DD
        # motives: [service reliability]
        # engagement: pilot        # pilot, trial, limited-contract, framework, partnership
        # commitments:
        #   - promise: What we promised
        #     owner: Who delivers it
        #     due: YYYY-MM-DD
        #     # done: YYYY-MM-DD
        #     # remedy: How we made good a broken promise
        # plan:
        #   - milestone: First meeting with the decision maker
        #     due: YYYY-MM-DD
        # assessment:
        #   attractiveness: 3      # 1-5
        #   strength: 2            # 1-5
        # next_meeting:
        #   date: YYYY-MM-DD
        #   with: [Full Name]
        #   objective: What we want from the meeting
        ---

        ## Situation

        What is happening at the customer, and why it matters to us.

        ## Talking points

        - What to say at the next meeting

        """
    }

    static let siteConfig = """
        # Settings of this research site. Every key is optional; see docs/dossier-format.md.
        title: Key accounts
        # company: Our Company Ltd      # the supplier: "we"
        language: en
        currency: EUR                   # used when a dossier names no currency
        stale_after_days: 90            # research older than this is flagged
        # remote_images: false          # true lets pages show images from https: addresses
        # unsafe_html: false            # true lets raw HTML from dossiers into pages: only for trusted authors
        # max_dossier_bytes: 10485760   # larger dossier files are refused
        # Who builds are for. Without this: company (the default; private: and {private} sections never
        # reach the output) and team (sees them, marked "Private"): dossier build --audience team
        # audiences:
        #   team: {private: true}
        #   company: {private: false}
        # default_audience: company

        """

    /// A YAML double-quoted string.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A git pre-commit hook that checks the site as it will be committed when a dossier, the settings
    /// or a template is staged: every such file in the index (staged or committed before), never the
    /// edits not staged, so a clash with a committed file (a slug used twice) is found too.
    static let preCommitHook = #"""
        #!/bin/sh
        # dossier pre-commit hook: checks the site as it will be committed, so broken research never gets committed.
        # Enable it once in each clone, from the site folder:  git config core.hooksPath .githooks
        # Skip it once (not recommended):                      git commit --no-verify
        set -eu
        site=$(cd "$(dirname "$0")/.." && pwd)
        cd "$site"
        staged=$(git diff --cached --name-only --diff-filter=ACMRD --relative -- content/accounts dossier.yml templates)
        [ -n "$staged" ] || exit 0
        if ! command -v dossier >/dev/null 2>&1; then
          echo "pre-commit: dossier is not on the PATH, so the staged dossiers were not checked" >&2
          exit 1
        fi
        prefix=$(git rev-parse --show-prefix)
        snapshot=$(mktemp -d)
        trap 'rm -rf "$snapshot"' EXIT
        mkdir -p "$snapshot/$prefix"
        # The index is what will be committed: every dossier, the settings and the templates in it,
        # staged now or committed before; not what is in the working tree.
        git ls-files -z -- content/accounts dossier.yml templates | git checkout-index -z --stdin --prefix="$snapshot/"
        if ! dossier check --no-notes --site "$snapshot/$prefix"; then
          echo "pre-commit: fix the dossiers above, stage them again, then commit" >&2
          exit 1
        fi

        """#
}
