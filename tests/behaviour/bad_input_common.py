# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every part of the bad-input catalogue shares (see bad_input_cases for the shape of a case)."""

NONE = "none"
READS = "reads_only"


def case(id, module, args, parameter, match, calls, **extra):  # pylint: disable=redefined-builtin
    item = dict(id=id, module="pbxware_" + module, args=args, parameter=parameter, match=match, calls=calls)
    item.update(extra)
    return item
