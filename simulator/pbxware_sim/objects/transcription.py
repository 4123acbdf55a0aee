"""Transcriptions: ``pbxware.transcription.get``, generated from the recorded calls (``objects.cdr``).

Every answered call with a recording (``Recording Available`` "True" in ``cdr.download``)
has a transcription, drawn from ``rng(state, "transcription", uniqueid)``: the spoken
text, its words with start and end seconds, and one segment per sentence, as floats, in
the reference's shape. The simulator's choices where the reference is silent: a Unique ID
of no recorded call of that server answers ``[]`` (the API's empty answer); ``server``
is required in tenant mode ("this is a required field") and must be the master or a tenant.
"""
from pbxware_sim import activity
from pbxware_sim.objects.cdr import find_call
from pbxware_sim.registry import ApiError, action

SENTENCES = (
    "Hello, thanks for calling.", "How can I help you today?", "I am calling about my last invoice.",
    "Could you send me the quote by email?", "Let me check that for you.", "The delivery is planned for Monday.",
    "Can we move the meeting to Thursday?", "I will transfer you to the support team.",
    "Thank you, have a nice day.", "Please call me back after three.",
)
WORD_SECONDS = (0.2, 0.6)


def transcription(state, call):
    """The reference's ``{"text", "vtt": {"language", "duration", "words", "segments"}}`` for ``call``."""
    rnd = activity.rng(state, "transcription", call["uniqueid"])
    sentences = [rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 4))]
    clock = round(rnd.uniform(0.5, 2.0), 3)
    words, segments = [], []
    for index, sentence in enumerate(sentences):
        segment_start = clock
        for word in sentence.split():
            end = round(clock + rnd.uniform(*WORD_SECONDS), 3)
            words.append({"word": word.strip(",.?!"), "start": clock, "end": end})
            clock = end
        segments.append({"id": index, "seek": 0, "start": segment_start, "end": clock, "text": " " + sentence})
        clock = round(clock + rnd.uniform(0.3, 1.5), 3)
    return {"text": " ".join(sentences),
            "vtt": {"language": "english", "duration": float(max(call["talk"], clock)), "words": words,
                    "segments": segments}}


@action("pbxware.transcription.get", args=("uniqueid", "server"), required=("uniqueid",))
def transcription_get(req):
    server = req.get("server")
    if server is None and req.tenant_mode:
        raise ApiError("Required field 'server' is missing")
    if server is not None and not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    call = find_call(req.state, req.get("uniqueid"), server=server)
    if call is None or not call.get("recording"):
        return []
    return transcription(req.state, call)
