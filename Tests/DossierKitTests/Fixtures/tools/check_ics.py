"""Reads iCalendar files as a calendar app would, for CalendarFeedTests.

Usage: PYTHONPATH=.build/test-tools/python python3 check_ics.py FILE...

Each file is parsed with the icalendar package (PyPI; scripts/install-deps --test installs it) and checked
for what RFC 5545 asks of its lines, independently of the Swift code that wrote it: UTF-8, CRLF line ends,
at most 75 octets per line, no UTF-8 sequence split by folding. Prints one JSON object: for each file, its
calendar properties, its events (text values unescaped by the parser) and the problems found.
"""
import datetime
import json
import sys

import icalendar


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def unknown_text(component, name):
    """A TEXT property icalendar does not know (NAME of RFC 7986, X-WR-CALNAME): it keeps the value as
    written, so it is unescaped here with icalendar's own RFC 5545 unescaping."""
    value = component.get(name)
    return None if value is None else icalendar.parser.unescape_backslash(str(value))


def day_or_time(component, name):
    value = component.get(name)
    if value is None:
        return None
    return {
        "value": value.dt.isoformat(),
        "is_date": not isinstance(value.dt, datetime.datetime),
        "value_parameter": value.params.get("VALUE"),
    }


def check(path):
    data = open(path, "rb").read()
    problems = []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"not UTF-8: {error}")
    if not data.endswith(b"\r\n"):
        problems.append("the last line does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: a CR or LF that is not part of a CRLF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: a UTF-8 sequence split by folding")
        if number == 1 and line[:1] in (b" ", b"\t"):
            problems.append("the first line is a continuation line")
    calendar = icalendar.Calendar.from_ical(data)
    for component in calendar.walk():
        for error in component.errors:
            problems.append(f"{component.name}: {error}")
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": text(event, "UID"),
            "stamp": day_or_time(event, "DTSTAMP"),
            "start": day_or_time(event, "DTSTART"),
            "end": day_or_time(event, "DTEND"),
            "summary": text(event, "SUMMARY"),
            "description": text(event, "DESCRIPTION"),
            "url": text(event, "URL"),
            "transparency": text(event, "TRANSP"),
        })
    return {
        "version": text(calendar, "VERSION"),
        "product": text(calendar, "PRODID"),
        "name": unknown_text(calendar, "NAME"),
        "x_name": unknown_text(calendar, "X-WR-CALNAME"),
        "method": text(calendar, "METHOD"),
        "events": events,
        "problems": problems,
    }


json.dump({path: check(path) for path in sys.argv[1:]}, sys.stdout)
