# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The collection's version, sent in the User-Agent (a unit test keeps it equal to galaxy.yml)."""

COLLECTION_VERSION = "0.2.0"
