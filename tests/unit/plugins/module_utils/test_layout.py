# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The floors of the collection: imports only point down.

modules and plugins -> module_utils.resources -> module_utils.engine. The engine
imports no resource table and nothing above it; a resource table imports no module.
"""

import ast
import glob
import os

import pytest

PLUGINS = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "plugins"))
PREFIX = "ansible_collections.bicom.pbxware.plugins."

# Floor of each package (higher imports lower, never the reverse).
FLOORS = {"module_utils.engine": 0, "module_utils.resources": 1}
TOP = 2  # modules, inventory, doc fragments and anything else under plugins/


def floor_of(dotted):
    """The floor of ``plugins.<dotted>`` (a module path below ``plugins``)."""
    for package, floor in FLOORS.items():
        if dotted == package or dotted.startswith(package + "."):
            return floor
    return TOP


def imported_modules(source):
    """Every collection module ``source`` imports, as paths below ``plugins``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PREFIX):
            base = node.module[len(PREFIX):]
            found.extend(base + "." + alias.name if base in FLOORS else base for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(alias.name[len(PREFIX):] for alias in node.names if alias.name.startswith(PREFIX))
    return found


def upward_imports(dotted, source):
    """The imports of module ``dotted`` (below ``plugins``) that point to a higher floor."""
    own = floor_of(dotted)
    return [target for target in imported_modules(source) if floor_of(target) > own]


def collection_files():
    for path in sorted(glob.glob(os.path.join(PLUGINS, "**", "*.py"), recursive=True)):
        relative = os.path.relpath(path, PLUGINS)[:-3].replace(os.sep, ".")
        yield relative, path


def test_the_floors_exist():
    names = [dotted for dotted, path in collection_files()]
    assert any(name.startswith("module_utils.engine.") for name in names)
    assert any(name.startswith("module_utils.resources.") for name in names)
    # Nothing lies beside the two packages: every table has a floor.
    loose = [name for name in names if name.startswith("module_utils.") and name.count(".") == 1]
    assert loose == []


@pytest.mark.parametrize("dotted,path", list(collection_files()))
def test_imports_point_down(dotted, path):
    with open(path) as handle:
        assert upward_imports(dotted, handle.read()) == []


@pytest.mark.parametrize("dotted,source,expected", [
    ("module_utils.engine.runner",
     "from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import TENANT\n",
     ["module_utils.resources.tenants"]),
    ("module_utils.engine.runner",
     "from ansible_collections.bicom.pbxware.plugins.module_utils.resources import dids\n",
     ["module_utils.resources.dids"]),
    ("module_utils.engine.client",
     "import ansible_collections.bicom.pbxware.plugins.modules.pbxware_did\n",
     ["modules.pbxware_did"]),
    ("module_utils.resources.dids",
     "from ansible_collections.bicom.pbxware.plugins.modules.pbxware_did import main\n",
     ["modules.pbxware_did"]),
    ("module_utils.resources.dids",
     "from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field\n"
     "from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import DID_DESTINATIONS\n",
     []),
    ("modules.pbxware_did",
     "from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule\n",
     []),
])
def test_the_check_sees_upward_imports(dotted, source, expected):
    assert upward_imports(dotted, source) == expected
