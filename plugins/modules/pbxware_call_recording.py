#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_call_recording
short_description: Start, stop, pause or resume the recording of a PBXware extension's live calls
version_added: 0.2.0
description:
  - Sends one of C(pbxware.recording.start), C(pbxware.recording.stop), C(pbxware.recording.pause) or
    C(pbxware.recording.unpause) for one extension. The command acts on the calls the extension is on right now.
  - The task reports a change when the server says it updated a call (its C(affected_calls) is above 0). With no
    live call, or nothing to update (a recording already started, a call not paused), the server updates none and
    the task reports no change.
  - The extension must exist; it is looked up first (C(pbxware.ext.list)), so an unknown one is refused before
    any command is sent.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.action
attributes:
  check_mode:
    details:
      - Reports what would be done; sends nothing. It reports a change - whether the extension has a call to
        update is known only by sending the command.
      - When the tenant or extension the task acts on does not exist (yet), check mode reports C(changed)
        with a warning and the key C(parent_missing) instead of failing.
options:
  extension:
    description: The extension number whose live calls to act on.
    type: str
    required: true
  command:
    description:
      - V(start) records the extension's live calls, V(stop) ends their recording, V(pause) pauses it and V(unpause)
        resumes a paused recording.
    type: str
    choices: [start, stop, pause, unpause]
    required: true
notes:
  - The API has no way to read whether a call is being recorded; C(pbxware.monitor.list) (see
    M(bicom.pbxware.pbxware_monitor_info)) shows whether an extension is on a call.
seealso:
  - module: bicom.pbxware.pbxware_monitor_info
  - module: bicom.pbxware.pbxware_enhanced_service
    description: Instant recording settings of an extension (C(instrecord)).
"""

EXAMPLES = r"""
- name: Record the call extension 101 is on
  bicom.pbxware.pbxware_call_recording:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    command: start
  register: recording

- name: Pause it while the caller reads out a card number
  bicom.pbxware.pbxware_call_recording:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    command: pause
  when: recording is changed
"""

RETURN = r"""
affected_calls:
  description: The number of live calls the server updated (C(affected_calls) of its answer); 0 when the extension
    is on no call or none needed the command. Not returned in check mode.
  returned: success, when not in check mode
  type: int
  sample: 1
command:
  description: The command sent (or that would be, in check mode).
  returned: success
  type: str
  sample: start
extension:
  description: The extension acted on.
  returned: success
  type: str
  sample: "101"
msg:
  description: What was done, or would be done in check mode.
  returned: success
  type: str
  sample: "start recording: 1 live call of extension 101"
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import raw
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    check_extension_number, find_extension)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.messaging import (
    RECORDING_COMMANDS, affected_calls, recording_action, recording_summary)

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    command=dict(type="str", choices=list(RECORDING_COMMANDS), required=True),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        extension, command = params["extension"], params["command"]
        check_extension_number(extension)
        server = module.server()
        find_extension(module.client, server, extension, module.tenant_row)
        result = {"command": command, "extension": extension}
        if module.check_mode:
            return dict(result, changed=True, msg=recording_summary(command, extension))
        calls = affected_calls(raw.call(module.client, recording_action(command), {"server": server, "ext": extension}, False))
        return dict(result, changed=calls > 0, affected_calls=calls, msg=recording_summary(command, extension, calls))

    module.run(work)


if __name__ == "__main__":
    main()
