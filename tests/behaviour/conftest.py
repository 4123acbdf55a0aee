# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Behaviour tests: the real modules, run in-process against the bundled simulator.

``make behaviour`` stages the collection into build/core-2.21 and runs pytest with
PYTHONPATH pointing there, so ``ansible_collections.bicom.pbxware`` is the staged copy.
One simulator (harness.Simulator) serves the session; every test that takes
``fresh_sim`` starts from its fixture with an empty request log.
"""

import pytest

from harness import Simulator


@pytest.fixture(scope="session")
def sim(tmp_path_factory):
    simulator = Simulator(str(tmp_path_factory.mktemp("pbxware-sim")))
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def fresh_sim(sim):
    """The simulator back at its fixture, request log empty; a simulator that stopped answering ends the run."""
    try:
        sim.reset()
    except RuntimeError as err:
        pytest.exit("behaviour: the simulator broke: %s" % err, returncode=1)
    return sim


def pytest_report_header(config):  # pylint: disable=unused-argument
    from harness import staged_collections_root  # pylint: disable=import-outside-toplevel
    return "bicom.pbxware imported from %s" % staged_collections_root()
