"""Enhanced ring groups: ``pbxware.erg.{list,add,edit,delete,members}``.

``ergs``: id -> {"server", "name", "ext", "members": [{"ext", "penalty"}, ...] in
order, "settings": {every other add/edit argument as sent}}. The collection name
is the one ``otimes.erg`` looks for: once an ERG exists, ERG operation times need
an existing ERG ID.

``erg.list`` is the only read: ``name``, the extension as ``number``, the ring
strategy as ``strategy`` and ``members`` (``[{"ext", "penalty"}]``, strings).
Every other setting is stored but never shown.

``erg.members`` sets the members: ``numbers`` and ``penalties`` (both required,
parallel comma-separated lists of the same size) replace the member list. The
reference calls it "Adding members" and shows no read; the simulator's reading
is that the lists are the group's members afterwards (a second call with other
numbers does not keep the first ones). Its answer carries ``id`` as a number in
the reference dialect (the reference's example) and as a string in the postman
dialect (the "Adding Members" test), DIALECTS.md.

Server, group numbers and extension-length arguments: see ``ring_group``.
``periodic_announce_startdelay`` (reference only) and ``first_periodic_announce`` (both;
"DEPRECATED") are accepted. Postman's regex for ``queue_url`` (``^[\\w\\s]+$``) refuses any
URL, its own example value too: only the postman dialect applies it (DIALECTS.md).
"""
from pbxware_sim.common import by_id
from pbxware_sim.objects import otimes
from pbxware_sim.objects.ring_group import (
    DIGIT_LIST, YES_NO, check_extension_length, check_number_free, digit_list, owned, tenant_server)
from pbxware_sim.registry import ApiError, action

FLAGS = ("record", "wake_mobile", "prioritize_timeout", "max_wait_dest_vm", "redirect_vm", "announce_holdtime",
         "announce_position", "static_login", "member_es_disable", "autofill", "ring_inuse", "timeout_restart",
         "use_exit_digit", "exit_vm", "leave_when_empty", "empty_dest_vm", "enable_notification")
# Postman regexes ("Add ERGs" / "Edit ERGs"); incoming_options takes the letters its description lists.
PATTERNS = dict(
    {flag: YES_NO for flag in FLAGS},
    name=r"^[a-zA-Z0-9-_]+$", max_wait_callers=r"^\d{1,5}$", rings_answer=r"^\d{1}$", replace_cid=r"^[\w\s]+$",
    max_wait_seconds=r"^\d{1,4}$", greeting=r"^queue-greeting\-([\w\-]+)$", announce_frequency=r"^\d{1,2}$",
    min_announce_frequency=r"^\d{1,2}$", announce_r_seconds=r"^(0|5|10|15|20|30)$",
    ring_strategy=r"^(ringall|linear|leastrecent|fewestcalls|random|rrmemory|rrordered|wrandom)$",
    member_ring_timeout=r"^\d{1,4}$", retry_timeout=r"^\d{1,3}$", wrapup_time=r"^\d{1,3}$",
    periodic_announce=r"^(default|periodic-announce\-([\w\-]+))$", periodic_announce_frequency=r"^\d{1,2}$",
    first_periodic_announce=r"^\d{1,3}$", incoming_options=r"^[tTHnrC]+$", ring_timeout=r"^\d{1,4}$",
    exit_digit=r"^\d{1}$", notification_email=r"^[^@]+@[^@]+\.[^@]+$",
)
# The tenant's extension length (Postman: ^\d{3}$).
EXTENSION_ARGS = ("ext", "max_wait_dest", "redirect_dest", "empty_dest", "exit_dest")
SETTINGS = tuple(sorted(set(PATTERNS) | {"queue_url", "periodic_announce_startdelay", "max_wait_dest",
                                         "redirect_dest", "empty_dest", "exit_dest"} - {"name"}))
ADD_ARGS = ("server", "name", "ext") + SETTINGS
ADD_REQUIRED = ("server", "name", "ext", "max_wait_callers", "rings_answer")
POSTMAN_PATTERNS = {"queue_url": r"^[\w\s]+$"}
MEMBER_PATTERNS = {"numbers": DIGIT_LIST, "penalties": DIGIT_LIST}
LABEL = "ERG"


def _apply(req, server, record, record_id=None):
    check_extension_length(req, server, EXTENSION_ARGS, required=("ext",) if record_id is None else ())
    new = dict(record, settings=dict(record["settings"]))
    for name in ("name", "ext"):
        if req.has(name):
            new[name] = req.get(name)
    for name in SETTINGS:
        if name in req.args:
            new["settings"][name] = req.get(name)
    check_number_free(req.state, server, new["ext"], "ergs", record_id)
    return new


def _row(_id, record):
    return {"name": record["name"], "number": record["ext"],
            "strategy": record["settings"].get("ring_strategy") or "ringall",
            "members": [dict(member) for member in record["members"]]}


@action("pbxware.erg.list", args=("server",))
def erg_list(req):
    server = tenant_server(req, required=False)
    groups = {key: rec for key, rec in req.state.data.get("ergs", {}).items()
              if server is None or rec["server"] == server}
    return by_id(groups, _row) or []


@action("pbxware.erg.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, patterns=PATTERNS,
        dialect_patterns={"postman": POSTMAN_PATTERNS})
def erg_add(req):
    server = tenant_server(req)
    record = _apply(req, server, {"server": server, "name": "", "ext": "", "members": [], "settings": {}})
    group_id = req.state.next_id("ergs")
    req.state.collection("ergs")[str(group_id)] = record
    return {"success": "ERG ID: %d." % group_id, "id": group_id}


@action("pbxware.erg.edit", args=ADD_ARGS + ("id",), required=("server", "id"), write=True, patterns=PATTERNS,
        dialect_patterns={"postman": POSTMAN_PATTERNS})
def erg_edit(req):
    server = tenant_server(req)
    group_id, record = owned(req, "ergs", server, LABEL)
    req.state.collection("ergs")[group_id] = _apply(req, server, record, group_id)
    # README: *.edit returns id as a string (the reference's example shows a number).
    return {"success": "ERG ID: %s." % group_id, "id": group_id}


@action("pbxware.erg.members", args=("server", "id", "numbers", "penalties"),
        required=("server", "id", "numbers", "penalties"), write=True, patterns=MEMBER_PATTERNS)
def erg_members(req):
    server = tenant_server(req)
    group_id, record = owned(req, "ergs", server, LABEL)
    numbers, penalties = digit_list(req.get("numbers")), digit_list(req.get("penalties"))
    if len(numbers) != len(penalties):
        raise ApiError("Fields numbers and penalties must match in size")
    record["members"] = [{"ext": number, "penalty": penalty} for number, penalty in zip(numbers, penalties)]
    return {"success": "ERG ID: %s" % group_id, "id": group_id if req.postman else int(group_id)}


@action("pbxware.erg.delete", args=("server", "id"), required=("server", "id"), write=True)
def erg_delete(req):
    server = tenant_server(req)
    group_id, _record = owned(req, "ergs", server, LABEL)
    del req.state.collection("ergs")[group_id]
    otimes.forget(req.state, "erg", group_id)
    return {"success": "Deleted ERG ID %s successfully." % group_id}
