#!/usr/bin/env python3
"""Generates a synthetic research site of N dossiers in the contract format, deterministic for a seed.

Usage: scripts/bench-generate.py N SEED OUTPUT_FOLDER [--plan]

Each dossier has realistic front-matter (3 years of financials, 1-4 competitors, 2-5 external
factors, 2-6 stakeholders, 1-6 commitments, 1-4 milestones) and a 5-8 KB Markdown body with
headings, lists, links, emphasis, code and quotes; every tenth dossier is partly in Chinese.

With --plan, dossier.yml lists `offerings` and each dossier also has an account plan: owners of its
plan items, 0-4 opportunities, a white-space grid of 1-3 buying centres and two years of our revenue
and gross margin. These come from a random generator of their own (seeded by SEED and the dossier's
number), so the rest of each dossier is the same bytes as without --plan.
"""
import random
import sys
from pathlib import Path

STAGES = ["pre", "early", "mid", "partnership", "synergistic", "uncoupling"]
TRENDS = ["growing", "stable", "declining"]
POSITIONS = ["incumbent", "challenger", "niche", "entrant"]
KINDS = ["political", "economic", "social", "technological", "legal", "environmental"]
IMPACTS = ["positive", "negative", "mixed"]
ROLES = ["decision-maker", "economic-buyer", "influencer", "user", "gatekeeper", "champion", "blocker"]
STANCES = ["supportive", "neutral", "opposed"]
ENGAGEMENTS = ["pilot", "trial", "limited-contract", "framework", "partnership"]
OWNERS = ["Mei Chen", "Jonas Weber", "Priya Natarajan", "Tomás Herrera", "Aiko Tanaka", "Lena Fischer", "Omar Haddad"]
WORDS = ("warehouse automation throughput picking error rate pallet shuttle conveyor robot fleet uptime service "
         "contract pilot baseline energy cost labour shortage peak season returns inventory accuracy integration "
         "software maintenance spare parts training safety audit capacity expansion network hub retrofit").split()
OFFERINGS = ["WMS", "AMR", "AS/RS", "Service", "Retrofit", "Analytics"]
SALES_STAGES = ["qualify", "propose", "negotiate", "won", "lost"]
CHINESE = "仓储自动化提升了拣选效率并降低了错误率客户希望在明年扩大试点范围同时控制能耗与人工成本"


def day(rng, year_from=2025, year_to=2027):
    return f"{rng.randint(year_from, year_to)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def plain(rng):
    """A sentence without Markdown, safe as a plain YAML value."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    return " ".join(words).capitalize() + "."


def sentence(rng, chinese=False):
    if chinese and rng.random() < 0.5:
        start = rng.randint(0, len(CHINESE) - 12)
        return CHINESE[start:start + rng.randint(8, 20)] + "。"
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        index = rng.randrange(len(words))
        words[index] = f"*{words[index]}*"
    if rng.random() < 0.2:
        index = rng.randrange(len(words))
        words[index] = f"[{words[index]}](https://example.com/{words[index]})"
    if rng.random() < 0.15:
        index = rng.randrange(len(words))
        words[index] = f"`{words[index]}`"
    return " ".join(words) + "."


def body(rng, chinese):
    parts = []
    size = rng.randint(5000, 8000)
    sections = ["Situation", "History", "Risks", "Opportunities", "Notes from the last visit"]
    index = 0
    while sum(len(p) for p in parts) < size:
        heading = sections[index % len(sections)] if index < len(sections) else f"Topic {index}"
        parts.append(f"## {heading}\n")
        parts.append(" ".join(sentence(rng, chinese) for _ in range(rng.randint(3, 6))) + "\n")
        if rng.random() < 0.5:
            parts.append("\n".join(f"- {sentence(rng, chinese)}" for _ in range(rng.randint(2, 5))) + "\n")
        if rng.random() < 0.25:
            parts.append(f"> {sentence(rng, chinese)}\n")
        if rng.random() < 0.15:
            parts.append("```\nthroughput = picks / hour\n```\n")
        index += 1
    parts.append("## Talking points\n")
    parts.append("\n".join(f"- {sentence(rng, chinese)}" for _ in range(rng.randint(2, 4))) + "\n")
    return "\n".join(parts)


def plan_lines(rng, number):
    """The account plan's fields: opportunities, white space and our revenue (see --plan)."""
    lines = ["opportunities:"] if rng.random() < 0.8 else []
    for i in range(rng.randint(1, 4) if lines else 0):
        lines += [f"  - name: Opportunity {number}-{i}", f"    offering: {rng.choice(OFFERINGS)}",
                  f"    value: {rng.randint(1, 80) * 50_000}", f"    stage: {rng.choice(SALES_STAGES)}",
                  f"    close: {day(rng, 2026, 2028)}", f"    owner: {rng.choice(OWNERS)}"]
    lines.append("whitespace:")
    for i in range(rng.randint(1, 3)):
        ours, competitors, open_ = [], [], []
        for offering in OFFERINGS:
            pick = rng.random()
            if pick < 0.25:
                ours.append(offering)
            elif pick < 0.5:
                competitors.append(f"{offering}: Competitor {rng.randint(1, 30)}")
            elif pick < 0.65:
                open_.append(offering)
        lines.append(f"  - centre: Site {number}-{i}")
        if ours:
            lines.append(f"    ours: [{', '.join(ours)}]")
        if competitors:
            lines.append(f"    competitors: {{{', '.join(competitors)}}}")
        if open_:
            lines.append(f"    open: [{', '.join(open_)}]")
    lines += ["economics:", "  years:"]
    revenue = rng.randint(1, 40) * 250_000
    for year in (2024, 2025):
        revenue = int(revenue * rng.uniform(0.9, 1.3))
        lines.append(f"    - {{year: {year}, our_revenue: {revenue}, gross_margin: {rng.randint(8, 40)}%}}")
    return lines


def dossier(rng, number, plan_rng=None):
    chinese = number % 10 == 9
    name = f"华芯电子{number}有限公司" if chinese else f"Account {number} {rng.choice(['GmbH', 'AG', 'Ltd', 'Inc.', 'S.A.'])}"
    stage = rng.choice(STAGES)
    people = [f"Person {number}-{i}" for i in range(rng.randint(2, 6))]
    lines = ["---", f'name: "{name}"', f"owner: {rng.choice(OWNERS)}", f"team: [{rng.choice(OWNERS)}]",
             f"stage: {stage}", f"stage_since: {day(rng, 2023, 2026)}",
             "target:", f"  stage: {rng.choice(STAGES)}", f"  by: {day(rng, 2026, 2028)}",
             f"tier: {rng.choice('ABC')}", f"reviewed: {day(rng, 2026, 2026)}", f"tags: [{rng.choice(['logistics', 'retail', 'pharma'])}, region-{number % 7}]",
             "segments:"]
    for i in range(rng.randint(1, 4)):
        lines += [f"  - name: Segment {rng.randint(1, 40)}", f"    share: {rng.randint(5, 60) / 100}", f"    trend: {rng.choice(TRENDS)}"]
    lines += ["financials:", f"  currency: {rng.choice(['EUR', 'USD', 'GBP'])}", "  years:"]
    revenue = rng.randint(50, 5000) * 1_000_000
    for year in (2023, 2024, 2025):
        revenue = int(revenue * rng.uniform(0.9, 1.2))
        lines.append(f"    - {{year: {year}, revenue: {revenue}, operating_margin: {rng.uniform(-0.02, 0.15):.3f}, employees: {rng.randint(100, 50000)}}}")
    lines += ["  wallet:", f"    total: {rng.randint(1, 50) * 1_000_000}", f"    ours: {rng.randint(0, 10) * 1_000_000}",
              "strategy:", f"  summary: {plain(rng)}", "  priorities:", f"    - {plain(rng)}", "competitors:"]
    for i in range(rng.randint(1, 4)):
        lines += [f"  - name: Competitor {rng.randint(1, 30)}", f"    position: {rng.choice(POSITIONS)}", f"    share: {rng.randint(5, 50) / 100}",
                  f"    strengths: [{rng.choice(WORDS)}]"]
    lines.append("external_factors:")
    for i in range(rng.randint(2, 5)):
        lines += [f"  - kind: {rng.choice(KINDS)}", f"    summary: {plain(rng)}", f"    impact: {rng.choice(IMPACTS)}"]
    lines.append("stakeholders:")
    for person in people:
        lines += [f"  - name: {person}", f"    title: Head of {rng.choice(WORDS).capitalize()}", f"    role: {rng.choice(ROLES)}",
                  f"    stance: {rng.choice(STANCES)}", f"    last_contact: {day(rng, 2026, 2026)}"]
    lines += [f"motives: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]", f"engagement: {rng.choice(ENGAGEMENTS)}", "commitments:"]
    for i in range(rng.randint(1, 6)):
        lines += [f"  - promise: {plain(rng)[:60]}", f"    owner: {rng.choice(OWNERS)}", f"    due: {day(rng, 2026, 2026)}"]
        if rng.random() < 0.6:
            lines.append(f"    done: {day(rng, 2026, 2026)}")
    lines.append("plan:")
    for i in range(rng.randint(1, 4)):
        lines += [f"  - milestone: {plain(rng)[:50]}", f"    due: {day(rng, 2026, 2027)}"]
        if plan_rng:
            lines.append(f"    owner: {plan_rng.choice(OWNERS)}")
    lines += ["assessment:", f"  attractiveness: {rng.randint(1, 5)}", f"  strength: {rng.randint(1, 5)}",
              "next_meeting:", f"  date: {day(rng, 2026, 2027)}", f"  with: [{people[0]}]", f"  objective: {plain(rng)}"]
    if plan_rng:
        lines += plan_lines(plan_rng, number)
    lines += ["---", ""]
    return "\n".join(lines) + body(rng, chinese)


def main():
    count, seed, folder = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    with_plan = "--plan" in sys.argv[4:]
    rng = random.Random(seed)
    accounts = folder / "content" / "accounts"
    accounts.mkdir(parents=True, exist_ok=True)
    settings = "title: Benchmark\ncurrency: EUR\nexchange_rates: {USD: 0.92, GBP: 1.17}\n"
    if with_plan:
        settings += f"offerings: [{', '.join(OFFERINGS)}]\n"
    (folder / "dossier.yml").write_text(settings, encoding="utf-8")
    for number in range(count):
        # A string seed is hashed the same way on every run and machine (unlike hash()).
        plan_rng = random.Random(f"{seed}-plan-{number}") if with_plan else None
        (accounts / f"account-{number:06d}.md").write_text(dossier(rng, number, plan_rng), encoding="utf-8")


if __name__ == "__main__":
    main()
