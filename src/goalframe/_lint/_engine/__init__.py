"""The lint engine: rules and findings, the context checks read, and `lint` itself.

Rules live in one module per family (`goalframe._lint.structure` for S, ``measurable`` M,
``achievable`` A, ``relevant`` R, ``timebound`` T, ``data`` D, ``file`` F) and register
themselves here with `rule` (a rule with a check) or `problem` (a rule whose findings come
from loading the goal file). Adding a rule touches its family module and nothing else.
"""

from __future__ import annotations

from goalframe._lint._engine._rules import CHECKS as CHECKS
from goalframe._lint._engine._rules import RULES as RULES
from goalframe._lint._engine._rules import Context as Context
from goalframe._lint._engine._rules import Finding as Finding
from goalframe._lint._engine._rules import Rule as Rule
from goalframe._lint._engine._rules import Severity as Severity
from goalframe._lint._engine._rules import problem as problem
from goalframe._lint._engine._rules import rule as rule
from goalframe._lint._engine._rules import targets_of as targets_of
from goalframe._lint._engine._run import lint as lint
from goalframe._lint._engine._run import loader_fix as loader_fix
from goalframe._lint._engine._run import measurability as measurability
from goalframe._lint._engine._run import select_findings as select_findings
