"""From a method's answer to a verdict someone can sign.

Every assessment, through `goalframe.evaluate`, `goalframe.compare` or `goalframe.assess`,
passes through `judge`, which applies the same rules whatever the method:

1. **A method answers only the question it can read.** A method that cannot read the target's
   type (a growth-rate method given a norm) returns ``not_assessable`` with the reason,
   instead of answering its no-target question.
2. **A series break starts the assessment anew.** For methods that compare values across
   time, the assessment runs from the latest flagged break after the start, with the break's
   value as the new baseline (milestones before it are dropped); a method that cannot assess
   the shorter series says why. Methods that compare each period with its own target (norms,
   ranges) keep the whole series.
3. **After the deadline, the verdict is final.** Once the target's last period (the deadline,
   the end of a norm's span, the last milestone) is over by the assessment date, the method
   is run on the figures up to that period and the status becomes ``achieved`` (met),
   ``missed`` (the label says whether the figures moved towards the target or away) or
   ``outcome_unknown`` (no figure for a period that decides it yet; the last known position
   is kept).
4. **Caveats stand beside the verdict**: breaks, missing periods, flagged figures, a declared
   baseline that disagrees with the data, a baseline at a peak or trough, a target that is
   illustrative or proposed. `CAVEATS` lists every code.
"""

from __future__ import annotations

from goalframe._judge._caveats import CAVEATS as CAVEATS
from goalframe._judge._judge import judge as judge
from goalframe._judge._points import checks as checks
from goalframe._judge._points import final_period as final_period
from goalframe._judge._points import value_for as value_for
from goalframe._judge._shared import shared as shared
from goalframe._judge._shared import sharing as sharing
from goalframe._judge._shared import tick as tick
from goalframe._judge._shared import ticking as ticking
