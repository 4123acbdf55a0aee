#!/usr/bin/env python3
"""Pull every documented JSON response example out of the PBXware API reference.

The reference (``pbxware-api-reference.txt``, the vendor's document as text)
shows response examples inside ``` fences. They carry typos: trailing commas,
missing commas, strings broken over two lines, missing or surplus closing
brackets, and examples split over several fences. This script repairs what can
be repaired (every repair is recorded next to the example), keys each example by
the action its section documents, and writes ``reference_examples.json``.

Sections are recognised by their headings, matched in document order against
``SECTIONS`` below (a heading only counts when the previous non-empty line is
not a bare method name, so the "Supported Methods" tables are skipped).

Usage::

    python3 simulator/conformance/extract_examples.py \
        [--reference ../shared/spec/pbxware-api-reference.txt] \
        [--actions simulator/conformance/actions.txt] [--output FILE] [--check] [-v]

``--check`` regenerates in memory and exits 1 if the committed file differs.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC_DIR = os.environ.get("PBXWARE_SPEC_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "spec")
DEFAULT_REFERENCE = os.path.join(SPEC_DIR, "pbxware-api-reference.txt")
DEFAULT_ACTIONS = os.path.join(HERE, "actions.txt")
DEFAULT_OUTPUT = os.path.join(HERE, "reference_examples.json")

ES = "pbxware.ext.es."
OTIMES_KINDS = ("did", "ivr", "dial_group", "servers", "routes", "queues", "erg")

# Section headings in document order -> the action(s) whose examples follow.
# A value of None means "examples here belong to no action" (kept as context).
# "es:*.<method>" expands to every enhanced service that has <method> in
# actions.txt; lists expand to several actions sharing one example.
SECTIONS = [
    ("Responses", "intro:pbxware.did.list"),
    ("Handling errors", "_error"),
    ("API Actions", None),
    ("Extensions Online", "pbxware.dashboard.ext_online"),
    ("Services", "pbxware.dashboard.services"),
    ("SIP Registrations", "pbxware.dashboard.sip_registrations"),
    ("Calls Overview", "pbxware.dashboard.calls"),
    ("GloCOM Editions", "pbxware.dashboard.glocom_editions"),
    ("GloCOM Users", "pbxware.dashboard.glocom_users"),
    ("Licensing", "pbxware.dashboard.licensing"),
    ("Disk usage", "pbxware.dashboard.disk_usage"),
    ("CPU", "pbxware.dashboard.cpu"),
    ("Memory", "pbxware.dashboard.memory"),
    ("Listing Extensions", "pbxware.ext.list"),
    ("Extension Configuration", "pbxware.ext.configuration"),
    ("Adding Extensions", "pbxware.ext.add"),
    ("Editing Extensions", "pbxware.ext.edit"),
    ("Deleting Extensions", "pbxware.ext.delete"),
    ("Credit/Debit Balance", "pbxware.ext.balance"),
    ("Extensions Billing", "pbxware.ext.billing"),
    ("Extensions Billing Info", "pbxware.ext.billing_info"),
    ("Extensions SMS Rating Info", "pbxware.ext.sms_rating_info"),
    ("Extension Slaves", "pbxware.ext.slaves"),
    ("Billing History", "pbxware.ext.billing_history"),
    ("Extension Enhanced Services", None),
    ("set", "es:*.set"),
    ("get", "es:*.get"),
    ("set_osc", "es:*.set_osc"),
    ("get_osc", "es:*.get_osc"),
    ("Caller ID", ES + "callerid.configuration"),
    ("Non tenant mode:", ES + "callerid.configuration"),
    ("edit", ES + "callerid.edit"),
    ("Call Filters & Blocking", ES + "callfilters.configuration"),
    ("edit", ES + "callfilters.edit"),
    ("Call Screening", ES + "callscreening.configuration"),
    ("edit", ES + "callscreening.edit"),
    ("Do Not Disturb", ES + "dnd.configuration"),
    ("edit", ES + "dnd.edit"),
    ("Call Forwarding", ES + "callfwd.configuration"),
    ("edit", ES + "callfwd.edit"),
    ("Follow Me", ES + "followme.configuration"),
    ("edit", ES + "followme.edit"),
    ("Instant Recording", ES + "instrecord.configuration"),
    ("edit", ES + "instrecord.edit"),
    ("Remote Access", ES + "remoteaccess.configuration"),
    ("edit", ES + "remoteaccess.edit"),
    ("Phone Callback", ES + "phonecallback.configuration"),
    ("edit", ES + "phonecallback.edit"),
    ("Group Hunt", ES + "grouphunt.configuration"),
    ("edit", ES + "grouphunt.edit"),
    ("Mobile Numbers", ES + "mobilenumbers.configuration"),
    ("edit", ES + "mobilenumbers.edit"),
    ("Speakerphone Page", ES + "sppage.configuration"),
    ("edit", ES + "sppage.edit"),
    ("BLF List", ES + "blflist.configuration"),
    ("edit", ES + "blflist.edit"),
    ("Speed Dial", ES + "speeddial.configuration"),
    ("edit", ES + "speeddial.edit"),
    # The reference documents Instant Recording a second time (silent only).
    ("Instant Recording", ES + "instrecord.configuration"),
    ("edit", ES + "instrecord.edit"),
    ("Extension Enhanced Services States", None),
    ("states.set", ES + "states.set"),
    ("states.get", ES + "states.get"),
    ("states.set_osc", ES + "states.set_osc"),
    ("states.get_osc", ES + "states.get_osc"),
    ("Reset Inclusive Minutes", "pbxware.ext.reset_inclusive_minutes"),
    ("Reset Inclusive Messages", "pbxware.ext.reset_inclusive_messages"),
    ("Delete Extension Voicemails", "pbxware.ext.voicemail.delete"),
    ("Additional MAC Addresses", "pbxware.ext.additional_macs"),
    ("Setting Editions & Modules", "pbxware.ext.editions_modules.set"),
    ("Editions & Modules Configuration", "pbxware.ext.editions_modules.configuration"),
    ("Listing Trunks", "pbxware.trunk.list"),
    ("Adding Trunks", "pbxware.trunk.add"),
    ("Editing Trunks", "pbxware.trunk.edit"),
    ("Deleting Trunks", "pbxware.trunk.delete"),
    ("Trunk Configuration", "pbxware.trunk.configuration"),
    ("Listing Providers", "pbxware.trunk.providers"),
    ("Listing SMS", "pbxware.sms.reports.list"),
    ("Listing Bulk SMS", "pbxware.sms.reports.bulk_list"),
    ("Listing SMS Trunks", "pbxware.sms.trunks.list"),
    ("SMS Trunk Configuration", "pbxware.sms.trunks.configuration"),
    ("Adding SMS Trunk", "pbxware.sms.trunks.add"),
    ("Editing SMS Trunk", "pbxware.sms.trunks.edit"),
    ("Deleting SMS Trunk", "pbxware.sms.trunks.delete"),
    ("Listing SMS Trunks & Tenants", "pbxware.sms.trunks.tenants.list"),
    ("Get Tenant's SMS Trunk", "pbxware.sms.trunks.tenants.get"),
    ("Set Tenant's SMS Trunk", "pbxware.sms.trunks.tenants.set"),
    ("Send SMS messages", "pbxware.sms.send_message"),
    ("Listing DIDs", "pbxware.did.list"),
    ("Adding DIDs", "pbxware.did.add"),
    ("Editing DIDs", "pbxware.did.edit"),
    ("Deleting DIDs", "pbxware.did.delete"),
    ("Adding CLI Routing", "pbxware.did.clirouting.add"),
    ("Editing CLI Routing", "pbxware.did.clirouting.edit"),
    ("Listing CLI Routing", "pbxware.did.clirouting.list"),
    ("Deleting CLI Routing", "pbxware.did.clirouting.delete"),
    ("Listing DID groups", "pbxware.didgroup.list"),
    ("Adding DID Groups", "pbxware.didgroup.add"),
    ("Editing DID Groups", "pbxware.didgroup.edit"),
    ("Deleting DID Groups", "pbxware.didgroup.delete"),
    ("Listing IVRs", "pbxware.ivr.list"),
    ("Adding IVRs", "pbxware.ivr.add"),
    ("Editing IVRs", "pbxware.ivr.edit"),
    ("Deleting IVRs", "pbxware.ivr.delete"),
    ("Listing Ring Groups", "pbxware.ring_group.list"),
    ("Adding Ring Groups", "pbxware.ring_group.add"),
    ("Editing Ring Groups", "pbxware.ring_group.edit"),
    ("Ring Group Configuration", "pbxware.ring_group.configuration"),
    ("Deleting Ring Groups", "pbxware.ring_group.delete"),
    ("Adding Enhanced Ring Groups", "pbxware.erg.add"),
    ("Editing Enhanced Ring Groups", "pbxware.erg.edit"),
    ("Deleting Enhanced Ring Groups", "pbxware.erg.delete"),
    ("Listing Enhanced Ring Groups", "pbxware.erg.list"),
    ("Adding Members", "pbxware.erg.members"),
    ("Downloading CDRs", "pbxware.cdr.download"),
    ("CDR Billamount", "pbxware.cdr.billamount"),
    ("MOS", "pbxware.cdr.mos"),
    ("Transcription information", "pbxware.transcription.get"),
    ("Listing Archivings", "pbxware.archiving.list"),
    ("Listing Routes", "pbxware.route.list"),
    ("Operation Times", None),
    ("Listing Operation Times state", ["pbxware.otimes.%s.list" % k for k in OTIMES_KINDS]),
    ("Setting Operation Times", ["pbxware.otimes.%s.set" % k for k in OTIMES_KINDS]),
    ("Tenant Package Configuration", "pbxware.package.configuration"),
    ("Listing Tenant Packages", "pbxware.package.list"),
    ("Adding Tenant Packages", "pbxware.package.add"),
    ("Editing Tenant Packages", "pbxware.package.edit"),
    ("Deleting Tenant Packages", "pbxware.package.delete"),
    ("Tenant Configuration", "pbxware.tenant.configuration"),
    ("Listing Tenants", "pbxware.tenant.list"),
    ("Adding Tenants", "pbxware.tenant.add"),
    ("Editing Tenants", "pbxware.tenant.edit"),
    ("Deleting Tenants", "pbxware.tenant.delete"),
    ("Listing Trunks & Tenants", "pbxware.tenant.trunks.list"),
    ("Setting Trunks & Tenants", "pbxware.tenant.trunks.set"),
    ("Adding CLI Routing", "pbxware.tenant.clirouting.add"),
    ("Editing CLI Routing", "pbxware.tenant.clirouting.edit"),
    ("Listing CLI Routing", "pbxware.tenant.clirouting.list"),
    ("Deleting CLI Routing", "pbxware.tenant.clirouting.delete"),
    ("Server Configuration", "pbxware.server.configuration"),
    ("Listing Service Plans", "pbxware.splan.list"),
    ("Service Plans Rates", "pbxware.splan.rates"),
    ("Listing Service Plan SMS Rates", "pbxware.splan.sms_rates.list"),
    ("Editing Service Plan SMS Rates", "pbxware.splan.sms_rates.edit"),
    ("Listing Destinations", "pbxware.destination.list"),
    ("Destinations Groups", "pbxware.destination.groups"),
    ("Listing UADs", "pbxware.uads.list"),
    ("Activating UAD", "pbxware.uads.activate"),
    ("Deactivating UAD", "pbxware.uads.deactivate"),
    ("Listing Apps", "pbxware.apps.list"),
    ("Setting Apps Templates", "pbxware.apps.templates.set"),
    ("Listing Apps Templates", "pbxware.apps.templates.list"),
    ("License Refresh", "pbxware.license.refresh"),
    ("License last refreshed", "pbxware.license.last_refreshed"),
    ("License information", "pbxware.license.info"),
    ("Monitor extensions", "pbxware.monitor.list"),
    ("Live calls", "pbxware.monitor.live_calls"),
    ("Trunks", "pbxware.monitor.trunks"),
    ("Listing Departments", "pbxware.department.list"),
    ("Adding Departments", "pbxware.department.add"),
    ("Editing Departments", "pbxware.department.edit"),
    ("Deleting Departments", "pbxware.department.delete"),
    ("Start/Stop/Pause/Unpause Call Recording",
     ["pbxware.recording.%s" % m for m in ("start", "stop", "pause", "unpause")]),
    ("Listing Paging Groups", "pbxware.paging_group.list"),
    ("Adding Paging Groups", "pbxware.paging_group.add"),
    ("Editing Paging Groups", "pbxware.paging_group.edit"),
    ("Deleting Paging Groups", "pbxware.paging_group.delete"),
    ("List ARI Applications", "pbxware.ari.list"),
    ("List ARI Server/Tenant Permissions", "pbxware.ari.tenant_permissions.list"),
]

METHOD_TOKEN = re.compile(r"^`?[a-z0-9_]+(\.[a-z0-9_]+)*`?$")
VALUE_END = re.compile(r'(["\d}\]]|\btrue|\bfalse|\bnull)$')
CONTAINER_KEY = re.compile(r'^(\s*)"[^"]*"\s*:\s*[\[{]\s*$')


# --------------------------------------------------------------------------
# Low-level scanning
# --------------------------------------------------------------------------

def scan(text):
    """Bracket bookkeeping outside strings.

    Returns (stack, min_depth, in_string): the containers still open at the
    end (as their opening characters), the lowest depth reached relative to the
    start (negative when the text closes containers it did not open), and
    whether the text ends inside a string.
    """
    stack, depth, min_depth = [], 0, 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            stack.append(ch)
            depth += 1
        elif ch in "]}":
            if stack:
                stack.pop()
            depth -= 1
            min_depth = min(min_depth, depth)
    return stack, min_depth, in_string


CLOSER = {"{": "}", "[": "]"}


def join_broken_strings(text, repairs):
    """Join lines that end inside a string (the text wraps a long message)."""
    lines = text.split("\n")
    out = []
    buf = None
    for line in lines:
        if buf is None:
            buf = line
        else:
            buf = buf.rstrip() + " " + line.strip()
            repairs.append("joined a string broken over two lines")
        if scan(buf)[2]:
            continue
        out.append(buf)
        buf = None
    if buf is not None:
        out.append(buf)
    return "\n".join(out)


def strip_trailing_commas(text, repairs):
    new = re.sub(r",(\s*[}\]])", r"\1", text)
    if new != text:
        repairs.append("removed trailing comma(s)")
    return new


def insert_missing_commas(text, repairs):
    lines = text.split("\n")
    out = list(lines)
    for i in range(len(lines) - 1):
        cur = lines[i].rstrip()
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines):
            break
        nxt = lines[j].lstrip()
        if cur.strip() and VALUE_END.search(cur) and nxt[:1] in ('"', "{", "["):
            out[i] = cur + ","
            repairs.append("inserted missing comma after line %d of the example" % (i + 1))
    return "\n".join(out)


def close_before_sibling(text, repairs):
    """Close containers left open before a sibling key at the same indentation.

    The reference sometimes forgets ``},`` between two ID-keyed records; the
    next record's key then sits at the indentation of its sibling but one
    level too deep.
    """
    lines = text.split("\n")
    seen = {}  # indent -> depth at which a container-valued key first appeared
    out = []
    stack = []
    for line in lines:
        m = CONTAINER_KEY.match(line)
        if m:
            indent = len(m.group(1).expandtabs())
            depth = len(stack)
            if indent in seen and depth > seen[indent]:
                closers = ""
                while len(stack) > seen[indent]:
                    closers += CLOSER[stack.pop()]
                if out:
                    out[-1] = out[-1].rstrip().rstrip(",") + closers + ","
                repairs.append("inserted missing %r before a sibling record" % closers)
            seen.setdefault(indent, len(stack))
        out.append(line)
        # Replay the line's brackets onto the running stack.
        in_string = escaped = False
        for ch in line:
            if in_string:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
                continue
            if ch == '"':
                in_string = True
            elif ch in "[{":
                stack.append(ch)
            elif ch in "]}" and stack:
                stack.pop()
    return "\n".join(out)


def try_parse(text):
    """json.loads that also records duplicate keys; returns (value, dupes) or raises."""
    dupes = []

    def hook(pairs):
        obj = {}
        for k, v in pairs:
            if k in obj and k not in dupes:
                dupes.append(k)
            obj[k] = v
        return obj

    return json.loads(text, object_pairs_hook=hook), dupes


def repair_and_parse(text):
    """Apply repairs step by step until the text parses.

    Returns (value, repairs) or raises ValueError with the last parse error.
    """
    repairs = []
    steps = [
        join_broken_strings,
        strip_trailing_commas,
        insert_missing_commas,
        close_before_sibling,
        strip_trailing_commas,
    ]
    current = text.strip()
    last_error = None
    for step in [None] + steps:
        if step is not None:
            current = step(current, repairs).strip()
        try:
            value, dupes = try_parse(current)
            return value, _note_dupes(repairs, dupes)
        except ValueError as err:
            last_error = err
    # Surplus closing brackets at the end.
    try:
        value, end = json.JSONDecoder().raw_decode(current)
        rest = current[end:]
        if rest.strip() and re.fullmatch(r"[\s}\]]*", rest):
            repairs.append("dropped surplus closing bracket(s) %r at the end" % re.sub(r"\s", "", rest))
            value, dupes = try_parse(current[:end])
            return value, _note_dupes(repairs, dupes)
    except ValueError as err:
        last_error = err
    # Missing closing brackets at the end.
    stack, _, in_string = scan(current)
    if stack and not in_string:
        closers = "".join(CLOSER[c] for c in reversed(stack))
        try:
            value, dupes = try_parse(strip_trailing_commas(current + "\n" + closers, []))
            repairs.append("appended missing closing bracket(s) %r" % closers)
            return value, _note_dupes(repairs, dupes)
        except ValueError as err:
            last_error = err
    raise ValueError(str(last_error))


def _note_dupes(repairs, dupes):
    if dupes:
        repairs.append("duplicate key(s) %s (last value kept)" % ", ".join(sorted(dupes)))
    return repairs


# --------------------------------------------------------------------------
# Document walk
# --------------------------------------------------------------------------

def read_fences(lines):
    """Yield (start_line, content_lines) for every ``` fence (1-based line numbers)."""
    i = 0
    while i < len(lines):
        if lines[i].strip().startswith("```"):
            start = i
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            yield start + 1, lines[start + 1:j], j + 1
            i = j + 1
        else:
            i += 1


def assign_sections(lines):
    """Map each line number (1-based) to the SECTIONS index in force there."""
    owner = [None] * (len(lines) + 2)
    idx = 0
    current = None
    prev_nonempty = ""
    in_fence = False
    matched = []
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and idx < len(SECTIONS):
            heading = line.strip("`").strip()
            if heading == SECTIONS[idx][0] and not METHOD_TOKEN.match(prev_nonempty):
                current = idx
                matched.append((idx, n))
                idx += 1
        owner[n] = current
        if line:
            prev_nonempty = line
    if idx < len(SECTIONS):
        raise SystemExit("heading not found in order: %r (after %r)" % (SECTIONS[idx][0], SECTIONS[idx - 1][0]))
    return owner, matched


def expand(target, actions):
    if target is None:
        return []
    if isinstance(target, list):
        return target
    if target.startswith("es:*."):
        method = target[len("es:*."):]
        return sorted(
            a for a in actions
            if a.startswith(ES) and a.rsplit(".", 1)[1] == method and not a.startswith(ES + "states.")
        )
    if target.startswith("intro:"):
        return [target[len("intro:"):]]
    return [target]


def label_before(lines, fence_line):
    """The nearest non-empty line above a fence (e.g. 'Response (sum=1)')."""
    n = fence_line - 2
    while n >= 0 and not lines[n].strip():
        n -= 1
    return lines[n].strip() if n >= 0 else ""


def only_blank_between(lines, end_line, start_line):
    return all(not lines[k].strip() for k in range(end_line, start_line - 1))


def strip_closers_to_depth(text, depth):
    """Drop closing brackets from the end of ``text`` until ``depth`` containers are open."""
    body = text.rstrip()
    while True:
        stack, _, _ = scan(body)
        if len(stack) >= depth:
            return body if len(stack) == depth else None
        if not body or body[-1] not in "]}":
            return None
        body = body[:-1].rstrip().rstrip(",").rstrip()


def extract(reference_text, actions):
    lines = reference_text.split("\n")
    owner, matched = assign_sections(lines)
    examples = {}
    skipped = []
    non_json = []
    records = []  # in document order: dict(start, end, section_idx, raw, value, repairs, notes)

    pending = None
    for start, content, end in read_fences(lines):
        text = "\n".join(content)
        stripped = text.strip()
        sec = owner[start]
        heading = SECTIONS[sec][0] if sec is not None else None
        first = stripped[:1]
        if not stripped:
            continue
        if first not in "{[\"]}":
            non_json.append({"line": start, "section": heading, "first_line": stripped.split("\n")[0].strip()})
            continue
        prev = records[-1] if records else None
        adjacent = (
            prev is not None and prev["section"] == sec and only_blank_between(lines, prev["end"], start)
        )
        # An open example continues in this fence.
        if pending is not None and pending["section"] == sec:
            pending["raw"] += "\n" + text
            pending["end"] = end
            pending["notes"].append("continued in the fence at line %d" % start)
            stack, _, in_string = scan(pending["raw"])
            if not stack and not in_string:
                finish(pending)
                pending = None
            continue
        if pending is not None:
            finish(pending)
            pending = None
        if first in "{[":
            rec = {"start": start, "end": end, "section": sec, "raw": text, "notes": [],
                   "label": label_before(lines, start)}
            records.append(rec)
            stack, min_depth, in_string = scan(text)
            if (stack or in_string) and min_depth >= 0:
                pending = rec  # open: may continue in the next fence
            else:
                finish(rec)
            continue
        # A fragment: stray closers, or the continuation of a longer version of
        # the previous example.
        if re.fullmatch(r"[\s,}\]]*", stripped):
            if adjacent:
                prev["notes"].append("ignored a fence at line %d holding only closing brackets" % start)
            else:
                skipped.append({"line": start, "section": heading, "reason": "stray closing brackets", "text": text})
            continue
        if not adjacent or prev.get("value") is None:
            skipped.append({"line": start, "section": heading,
                            "reason": "fragment with no example to continue", "text": text})
            continue
        _, min_depth, _ = scan(text)
        need = -min_depth
        head = strip_closers_to_depth(prev["raw"], need)
        spliced = None
        if head is not None:
            glue = "" if stripped[0] in "]}" else ","
            candidate = head + glue + "\n" + text
            try:
                value, repairs = repair_and_parse(candidate)
                spliced = (candidate, value, repairs)
            except ValueError:
                spliced = None
        if spliced is None:
            skipped.append({"line": start, "section": heading,
                            "reason": "continuation fragment of a longer version that does not splice onto "
                                      "the example above (kept the example above as is)",
                            "text": text})
            prev["notes"].append("could not splice the fragment at line %d (skipped)" % start)
            continue
        prev["raw"], prev["value"], prev["repairs"] = spliced
        prev["end"] = end
        prev["notes"].append("spliced the continuation fragment at line %d onto this example" % start)
    if pending is not None:
        finish(pending)

    for rec in records:
        sec = rec["section"]
        heading = SECTIONS[sec][0] if sec is not None else None
        target = SECTIONS[sec][1] if sec is not None else None
        if rec.get("value") is None:
            skipped.append({"line": rec["start"], "section": heading, "reason": "unrepairable: " + rec["error"],
                            "text": rec["raw"]})
            continue
        targets = expand(target, actions)
        if not targets:
            skipped.append({"line": rec["start"], "section": heading,
                            "reason": "JSON outside any action section", "text": rec["raw"]})
            continue
        entry = {
            "line": rec["start"],
            "section": heading,
            "label": rec["label"],
            "primary": not (isinstance(target, str) and target.startswith("intro:")),
            "repairs": rec["repairs"],
            "notes": rec["notes"],
            "body": rec["value"],
        }
        if len(targets) > 1:
            entry["shared_by"] = len(targets)
        for action in targets:
            examples.setdefault(action, []).append(entry)
    return examples, skipped, non_json, matched


def finish(rec):
    try:
        rec["value"], rec["repairs"] = repair_and_parse(rec["raw"])
    except ValueError as err:
        rec["value"], rec["repairs"], rec["error"] = None, [], str(err)


def build(reference_path, actions_path):
    with open(reference_path, encoding="utf-8") as handle:
        text = handle.read()
    with open(actions_path, encoding="utf-8") as handle:
        actions = [line.strip() for line in handle if line.strip()]
    examples, skipped, non_json, matched = extract(text, actions)
    unknown = sorted(a for a in examples if a not in actions and not a.startswith("_"))
    if unknown:
        raise SystemExit("examples keyed to actions missing from actions.txt: %s" % unknown)
    without = sorted(a for a in actions if a not in examples)
    return {
        "about": "JSON response examples from the PBXware API reference, keyed by action. "
                 "Generated by simulator/conformance/extract_examples.py; do not edit by hand. "
                 "'repairs' lists the typo fixes applied; 'primary' is false for illustrations "
                 "outside the action's own section.",
        "source": os.path.basename(reference_path),
        "examples": {a: examples[a] for a in sorted(examples)},
        "skipped": skipped,
        "non_json_fences": non_json,
        "actions_without_example": without,
    }, matched


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--actions", default=DEFAULT_ACTIONS)
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if OUTPUT is not up to date")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the heading matches and fences")
    args = parser.parse_args(argv)
    result, matched = build(args.reference, args.actions)
    rendered = json.dumps(result, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if args.verbose:
        for idx, line in matched:
            print("%5d  %-45s %s" % (line, SECTIONS[idx][0], SECTIONS[idx][1]))
    n_examples = sum(len(v) for v in result["examples"].values())
    distinct = len({(e["line"]) for v in result["examples"].values() for e in v})
    summary = "%d actions with examples (%d examples from %d fences), %d skipped, %d non-JSON fences, " \
              "%d actions without example" % (
                  len(result["examples"]), n_examples, distinct, len(result["skipped"]),
                  len(result["non_json_fences"]), len(result["actions_without_example"]))
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = ""
        if current != rendered:
            print("%s is out of date; rerun extract_examples.py" % args.output, file=sys.stderr)
            return 1
        print("up to date: " + summary)
        return 0
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(rendered)
    print("wrote %s: %s" % (os.path.relpath(args.output), summary))
    for item in result["skipped"]:
        print("  skipped line %d (%s): %s" % (item["line"], item["section"], item["reason"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
