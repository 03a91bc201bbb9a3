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
        #     influence: high      # high, medium, low
        #     reports_to: Boss Name # another stakeholder's name in this list
        #     our_contact: Who on our side holds the relationship
        #     wins: [what this person wants for themselves or their unit]
        #     last_contact: YYYY-MM-DD
        #   - name: Boss Name
        #     title: Managing Director
        #     influence: high
        # motives: [service reliability]
        # buying_basis: [quality, service]  # price, quality, service, innovation, relationship, risk, sustainability
        # engagement: pilot        # pilot, trial, limited-contract, framework, partnership
        # commitments:
        #   - promise: What we promised
        #     by: us               # us, customer (a promise the customer made to us)
        #     owner: Who delivers it
        #     due: YYYY-MM-DD
        #     # original_due: YYYY-MM-DD  # the first date promised, when due was moved
        #     # done: YYYY-MM-DD
        #     # remedy: How we made good a broken promise
        #     valued: high         # high, medium, low: how much the customer values it
        # objectives:
        #   - goal: Share of wallet to 25%
        #     measure: share_of_wallet # optional: share_of_wallet, our_revenue, on_time_rate, stage
        #     target: 25%          # a share, an amount (our_revenue) or a stage (stage)
        #     by: YYYY-MM-DD
        # plan:
        #   - milestone: First meeting with the decision maker
        #     owner: Who on our side does it
        #     due: YYYY-MM-DD
        #     objective: 1         # the objective it serves: 1 is the first of objectives
        # assessment:
        #   attractiveness: 3      # 1-5
        #   strength: 2            # 1-5
        # next_meeting:
        #   date: YYYY-MM-DD
        #   with: [Full Name]
        #   objective: What we want from the meeting
        #   ask: The commitment we ask for
        #   fallback: Our best alternative if there is no agreement
        #   their_interests: [what they want from it]
        #   options: [options for agreement]
        # value:
        #   proposition: The value we promise, in one sentence
        #   outcomes:
        #     - metric: What is measured
        #       baseline: 0.9%     # a number, or a percentage
        #       target: 0.7%
        #       actual: 0.8%
        #       agreed_by: The customer's person who accepted the measure
        # opportunities:
        #   - name: Opportunity
        #     offering: Offering A # one of offerings in dossier.yml
        #     value: 0             # in the dossier's currency
        #     stage: qualify       # qualify, propose, negotiate, won, lost
        #     close: YYYY-MM-DD
        #     owner: Who pursues it
        # whitespace:              # per buying centre (site, division, plant)
        #   - centre: Main plant
        #     ours: [Offering A]   # offerings it buys from us
        #     competitors: {Offering B: Competitor}
        #     open: [Offering C]   # offerings it needs and nobody supplies yet
        # economics:
        #   feasibility: {verdict: go, decided: YYYY-MM-DD, reason: Why a profitable relationship is feasible}  # go, hold, no-go
        #   years:
        #     - {year: \(today.year - 1), our_revenue: 0, gross_margin: 25%, cost_to_serve: 0}
        # governance:
        #   sponsors:
        #     - {ours: Our executive, theirs: Their executive, last_met: YYYY-MM-DD}
        #   review_every_months: 3
        #   last_review: YYYY-MM-DD
        # stage_evidence:          # the markers of the relationship stage
        #   functions: [operations, procurement]   # functions in regular contact on both sides
        #   shares: [forecasts]    # forecasts, plans, costs, roadmaps
        #   supplier_status: approved  # one-of-many, approved, preferred, sole, partner
        #   joint_plan: false
        # crm_id: 0015g00000XyZabAAB # the account's id in the CRM; `dossier import` writes and matches it
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
        # offerings: [Offering A, Offering B, Offering C]  # our portfolio: the offerings dossiers may name
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
