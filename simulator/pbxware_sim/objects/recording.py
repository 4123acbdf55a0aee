"""Call recording: ``pbxware.recording.start|stop|pause|unpause`` (reference "Call Recording").

The four actions take the same arguments (``server``, ``ext``) and act on the live calls of one
extension; the answer counts them: ``{"success": "Call status updated successfully.",
"affected_calls": 1}``, or with none updated, "the same format, with corresponding message and
affected_calls set to 0" (the reference). The message for none is the vendor's Postman test's:
"No calls have been updated.". ``affected_calls`` is a number (the reference's example and the
test agree); the test allows only 0 or 1: an extension here has at most one live call.

The live calls are ``monitor.live_calls``' (generated from the seed and the extensions that
exist, ``monitor.py``): an extension is on at most one of them, and one that ``monitor.list``
shows ``on_call`` has one to record. ``call_recordings``: extension ID -> "recording" | "paused",
the recording of that extension's live call (no entry: not recorded). start records an
unrecorded call, pause pauses a recording one, unpause resumes a paused one, stop ends a
recording or paused one; a call in any other state is not updated (a second start counts 0).
An extension no longer on a call (the extensions changed, and the generated calls with them)
has no recording left.

Decided here (the sources are silent): ``server`` is checked as ``ext.*`` check it (left out or
unknown: "Invalid server ID."; 1 in tenant mode refused); an unknown extension is an error, as
for ``ext.*``.
"""
from pbxware_sim.objects.ext import check_server, find_by_ext
from pbxware_sim.objects.monitor import on_call
from pbxware_sim.registry import ApiError, action

UPDATED = "Call status updated successfully."
NONE_UPDATED = "No calls have been updated."
# method -> (recording states it acts on, the state it leaves)
TRANSITIONS = {
    "start": ((None,), "recording"),
    "stop": (("recording", "paused"), None),
    "pause": (("recording",), "paused"),
    "unpause": (("paused",), "recording"),
}


def recordings(state):
    return state.collection("call_recordings")


def _update(request, method):
    state = request.state
    server = check_server(request)
    number = request.get("ext")
    ext_id = find_by_ext(state, server, number)
    if ext_id is None:
        raise ApiError("Extension %s does not exist." % number)
    acts_on, leaves = TRANSITIONS[method]
    affected = 0
    if ext_id not in on_call(state):
        recordings(state).pop(ext_id, None)
    elif recordings(state).get(ext_id) in acts_on:
        affected = 1
        if leaves is None:
            del recordings(state)[ext_id]
        else:
            recordings(state)[ext_id] = leaves
    return {"success": UPDATED if affected else NONE_UPDATED, "affected_calls": affected}


def _register(method):
    def handler(request):
        return _update(request, method)

    return action("pbxware.recording." + method, args=("server", "ext"), required=("ext",), write=True)(handler)


recording_start = _register("start")
recording_stop = _register("stop")
recording_pause = _register("pause")
recording_unpause = _register("unpause")
