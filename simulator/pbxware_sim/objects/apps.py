"""Apps (gloCOM editions and modules): ``pbxware.apps.list``, ``pbxware.apps.templates.list|set``.

``apps.list`` counts, per edition and module, the extensions of a tenant that
have it (``editions``/``modules`` of the extension record, set through
``ext.editions_modules.set``) against the licensed slots (``LICENSED``, the
reference example's totals; the simulator carries no license file). Keys are
the names in the reference example's spelling (``OFFICE``, ``CRM``,
``Call Popup``), the editions and modules it does not show spelled alike.

``app_templates``: department ID -> {"server", "department_id", "editions",
"modules"}: a department's template, the editions and modules its extensions
get when they use department templates (``use_department_templates``). Lists
are stored as written (the reference example reads ``"business,agent,supervisor"``,
not in the accepted values' order), ``all`` and ``none`` included.

Reference: ``apps.list`` takes ``server``, which in tenant mode is required and
must be a tenant ("ID 1 ... cannot be used"); ``templates.list`` and
``templates.set`` require ``server``, ``set`` requires ``department_id`` (a
department of that tenant) and takes ``editions`` and ``modules``, each
optional: one left out or empty keeps its value (a new template starts with
``""``). Where the vendor's sources disagree (``../DIALECTS.md``, rows g10, g11):
``templates.list`` is an object keyed by department ID (reference) or a list
(Postman), and ``templates.set`` returns ``id`` as a number (reference) or a
string (Postman).

Not modelled: an extension that uses department templates is counted by its
own selection, not its department's template.
"""
from pbxware_sim.objects import ext as ext_mod
from pbxware_sim.objects.department import find_department
from pbxware_sim.objects.ext_extras import EDITIONS_RE, MODULES_RE
from pbxware_sim.registry import ApiError, action

ID = r"^\d+$"
# (read key, edition or module as written, licensed slots): the reference example's rows first.
LICENSED = (
    ("OFFICE", "office", 100), ("BUSINESS", "business", 100), ("WEB", "web", 30), ("AGENT", "agent", 15),
    ("SUPERVISOR", "supervisor", 5), ("MOBILE", "mobile", 15), ("OPERATOR", "operator", 5),
    ("CRM", "crm", 15), ("Call Popup", "call popup", 15), ("Skype", "skype", 15),
    ("Omni Channel", "omni channel", 15), ("Customer Survey", "customer survey", 15),
)


def templates(state):
    return state.collection("app_templates")


def _tenant_server(request):
    """``server`` as ``apps.list`` documents it: required and a tenant in tenant mode, else optional."""
    if request.tenant_mode and "server" not in request.args:
        raise ApiError("Required field 'server' is missing")
    if "server" not in request.args:
        return "1"
    return ext_mod.check_server(request)


@action("pbxware.apps.list", args=("server",), patterns={"server": ID})
def apps_list(request):
    server = _tenant_server(request)
    extensions = [record for _id, record in sorted(ext_mod.exts(request.state).items(), key=lambda kv: int(kv[0]))
                  if str(record["server"]) == server]
    answer = {}
    for key, name, total in LICENSED:
        numbers = [int(record["ext"]) for record in extensions
                   if name in (record.get("editions") or []) + (record.get("modules") or [])]
        answer[key] = {"total": total, "in_use": len(numbers), "extensions": numbers}
    return answer


@action("pbxware.apps.templates.list", args=("server",), required=("server",), patterns={"server": ID})
def apps_templates_list(request):
    server = ext_mod.check_server(request)
    departments = request.state.collection("departments")
    rows = []
    for key in sorted(templates(request.state), key=int):
        template = templates(request.state)[key]
        if template["server"] != server:
            continue
        department = departments.get(key)
        rows.append((key, {"department_id": int(key),
                           "department_name": department["name"] if department else None,
                           "editions": template["editions"], "modules": template["modules"]}))
    if request.postman:
        return [row for _key, row in rows]
    return dict(rows) or []


@action("pbxware.apps.templates.set", args=("server", "department_id", "editions", "modules"),
        required=("server", "department_id"), write=True,
        patterns={"server": ID, "department_id": ID, "editions": EDITIONS_RE, "modules": MODULES_RE})
def apps_templates_set(request):
    server = ext_mod.check_server(request)
    department_id = request.get("department_id")
    find_department(request.state, server, department_id)
    template = templates(request.state).setdefault(
        department_id, {"server": server, "department_id": department_id, "editions": "", "modules": ""})
    for name in ("editions", "modules"):
        if request.has(name):
            template[name] = request.get(name)
    return {"success": "Department ID: %s" % department_id,
            "id": department_id if request.postman else int(department_id)}
