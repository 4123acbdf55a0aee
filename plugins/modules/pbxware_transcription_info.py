#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_transcription_info
short_description: Read the transcriptions of recorded PBXware calls
version_added: 0.2.0
description:
  - Reads the transcription of each call O(uniqueids) names (C(pbxware.transcription.get), one call each) - the
    text, the language, and every word and segment with its start and end in seconds.
  - Calls without a transcription are left out, so the result is V([]) when none has one.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  uniqueids:
    description: The Unique IDs of the calls, as M(bicom.pbxware.pbxware_cdr_info) returns them in C(unique_id).
    type: list
    elements: str
    required: true
notes:
  - The calls are looked up in the tenant O(tenant) or O(tenant_id) names (the API's C(server), which a PBXware
    in tenant mode requires); without either, in the master server (ID 1).
seealso:
  - module: bicom.pbxware.pbxware_cdr_info
"""

EXAMPLES = r"""
- name: The recorded calls of a day in tenant 344
  bicom.pbxware.pbxware_cdr_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    start: "2026-11-02"
    end: "2026-11-02"
    status: [answered]
  register: answered

- name: What was said in them
  bicom.pbxware.pbxware_transcription_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    uniqueids: "{{ answered.records | selectattr('recording_available') | map(attribute='unique_id') | list }}"
  register: transcripts
  when: answered.records | selectattr('recording_available') | list | length > 0
"""

RETURN = r"""
transcriptions:
  description: One transcription per call that has one, in the order of O(uniqueids); V([]) when none has.
  returned: success
  type: list
  elements: dict
  contains:
    uniqueid:
      description: The call's Unique ID.
      type: str
      sample: "1793648928.2028"
    text:
      description: The transcribed text.
      type: str
      sample: Hello, thanks for calling. How can I help you today?
    language:
      description: The language detected.
      type: str
      sample: english
    duration:
      description: The length of the recording in seconds.
      type: float
      sample: 159.0
    words:
      description: Every word spoken, with its start and end in seconds.
      type: list
      elements: dict
      sample: [{word: Hello, start: 1.079, end: 1.623}]
    segments:
      description: The recording in parts, each with its ID, seek position, start and end in seconds, and text
        (surrounding blanks removed).
      type: list
      elements: dict
      sample: [{id: 0, seek: 0.0, start: 1.079, end: 2.9, text: "Hello, thanks for calling."}]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.records import check_uniqueids, transcription

ARGUMENT_SPEC = dict(
    uniqueids=dict(type="list", elements="str", required=True),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)

    def work():
        uniqueids = check_uniqueids(module.params["uniqueids"], "uniqueids")
        server = module.server()
        found = []
        for uniqueid in uniqueids:
            answer = module.client.read("pbxware.transcription.get", {"uniqueid": uniqueid, "server": server})
            view = transcription(uniqueid, answer)
            if view is not None:
                found.append(view)
        return {"changed": False, "transcriptions": found}

    module.run(work)


if __name__ == "__main__":
    main()
