"""Generated activity: what a live PBXware accumulates by being used (CDRs, live calls, MOS,
dashboard figures, SMS reports, transcriptions, archives).

Nothing of it is stored: each object generates its rows from the state (the tenants and
extensions that exist) and a random generator seeded by ``State.seed`` and the scope of the
question (a day, a server, a view), so the same seed, state and question always give the
same answer, and paging through a result sees one consistent set.
"""

import datetime
import random

# What "today" is for generated data: fixed, so that answers do not change with the clock.
TODAY = datetime.date(2026, 11, 2)


def rng(state, *scope):
    """A generator for one scope (e.g. ``rng(state, "cdr", server, day)``), the same every time."""
    return random.Random("%s|%s" % (state.seed, "|".join(str(part) for part in scope)))
