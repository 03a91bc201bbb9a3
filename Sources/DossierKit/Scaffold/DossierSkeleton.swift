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

        """

    /// A YAML double-quoted string.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A git pre-commit hook that checks the staged versions of the staged dossiers.
    static let preCommitHook = #"""
        #!/bin/sh
        # dossier pre-commit hook: checks the staged dossiers, so broken research never gets committed.
        # Enable it once in each clone, from the site folder:  git config core.hooksPath .githooks
        # Skip it once (not recommended):                      git commit --no-verify
        set -eu
        site=$(cd "$(dirname "$0")/.." && pwd)
        cd "$site"
        staged=$(git diff --cached --name-only --diff-filter=ACMR --relative -- content/accounts | grep '\.md$' || true)
        [ -n "$staged" ] || exit 0
        if ! command -v dossier >/dev/null 2>&1; then
          echo "pre-commit: dossier is not on the PATH, so the staged dossiers were not checked" >&2
          exit 1
        fi
        prefix=$(git rev-parse --show-prefix)
        snapshot=$(mktemp -d)
        trap 'rm -rf "$snapshot"' EXIT
        # Check what is staged, not what is in the working tree.
        git checkout-index --prefix="$snapshot/" -- $staged
        if git ls-files --error-unmatch dossier.yml >/dev/null 2>&1; then
          git checkout-index --prefix="$snapshot/" -- dossier.yml
        fi
        if ! dossier check --no-notes --site "$snapshot/$prefix"; then
          echo "pre-commit: fix the dossiers above, stage them again, then commit" >&2
          exit 1
        fi

        """#
}
