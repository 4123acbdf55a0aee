"""Departments: ``pbxware.department.list|add|edit|delete``.

``departments``: id -> {"server" (tenant ID, str), "name"}. This is the store
extensions refer to: ``ext.add``/``ext.edit`` take ``department`` as a comma
list of these IDs and ``ext.list`` reads it back as given (``"4,6"``), and
``apps.templates.set`` takes one of them as ``department_id``.

Reference ("Departments"): ``list`` takes an optional ``server`` filter; ``add``
requires ``server`` and ``name``; ``edit`` requires ``server`` and ``id``, the
add arguments being optional; ``delete`` requires ``server`` and ``id``.
``add`` returns ``id`` as a number and the name; ``edit`` returns the same with
``id`` as a string (README: *.edit returns id as a string).

Not documented, decided here: departments group extensions, so in tenant mode
they live in tenants (``server=1`` is refused as for extensions); a name is
unique within its tenant (case-insensitively) and cannot be empty (an empty
``name`` on edit leaves it as it is, as for DID groups); a department is found
only in its own tenant. Deleting a department leaves the
extensions that list its ID and its apps template as they are (the template
then reads ``department_name: null``, which the vendor's Postman test allows).
"""
from pbxware_sim.common import by_id, check_server
from pbxware_sim.objects.ext import check_server as check_extension_server
from pbxware_sim.registry import ApiError, action

ID = r"^\d+$"
PATTERNS = {"server": ID, "id": ID}


def departments(state):
    return state.collection("departments")


def find_department(state, server, department_id):
    """The department ``department_id`` of tenant ``server``, or the server's "does not exist" error."""
    record = departments(state).get(str(department_id))
    if record is None or record["server"] != str(server):
        raise ApiError("Department ID %s does not exist." % department_id)
    return record


def _name(request, department_id=None):
    name = request.get("name", "").strip()
    if not name:
        raise ApiError("Department name cannot be empty.")
    server = request.get("server")
    for other_id, other in departments(request.state).items():
        if other_id != department_id and other["server"] == server and other["name"].lower() == name.lower():
            raise ApiError("Department %s already exists." % name)
    return name


@action("pbxware.department.list", args=("server",), patterns={"server": ID})
def department_list(request):
    server = check_server(request, required=False)
    rows = {key: record for key, record in departments(request.state).items()
            if server is None or record["server"] == server}
    return by_id(rows, lambda _id, record: {"name": record["name"]}) or []


@action("pbxware.department.add", args=("server", "name"), required=("server", "name"), write=True,
        patterns=PATTERNS)
def department_add(request):
    server = check_extension_server(request)
    record = {"server": server, "name": _name(request)}
    department_id = request.state.next_id("departments")
    departments(request.state)[str(department_id)] = record
    return {"success": "Department ID: %d" % department_id, "id": department_id, "name": record["name"]}


@action("pbxware.department.edit", args=("server", "id", "name"), required=("server", "id"), write=True,
        patterns=PATTERNS)
def department_edit(request):
    server = check_extension_server(request)
    department_id = request.get("id")
    record = find_department(request.state, server, department_id)
    if request.has("name"):
        record["name"] = _name(request, department_id)
    return {"success": "Department ID: %s" % department_id, "id": str(department_id), "name": record["name"]}


@action("pbxware.department.delete", args=("server", "id"), required=("server", "id"), write=True,
        patterns=PATTERNS)
def department_delete(request):
    server = check_extension_server(request)
    department_id = request.get("id")
    find_department(request.state, server, department_id)
    del departments(request.state)[department_id]
    return {"success": "Deleted Department ID %s successfully." % department_id}
