"""An import-linter contract type of Baton's own: "these modules never load Qt's GUI".

A ``forbidden`` contract cannot name a submodule of an external package (import-linter
sees ``PySide6``, not ``PySide6.QtWidgets``), and QtCore is allowed where QtWidgets is
not. This contract walks every module its sources import, directly or not, inside the
project's root packages (each package's ``__init__`` too, since it runs on import), and
reads the import statements they make of external packages from the graph's import
details: one that brings in a forbidden submodule breaks it.

Registered in pyproject.toml (``contract_types``); ``lint-imports`` run from the
repository root imports it from here.
"""

from __future__ import annotations

import ast
import importlib.util
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grimp import DetailedImport, ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules


@dataclass(frozen=True)
class Violation:
    chain: tuple[str, ...]
    line_number: int
    line: str
    forbidden: str


def imported_modules(statement: str) -> set[str] | None:
    """The modules an import statement may load (``from a import b`` may load ``a.b``).

    None if ``statement`` is not a whole statement (its names continue on later lines).
    """
    try:
        tree = ast.parse(statement.strip())
    except SyntaxError:
        return None
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _source_file(module: str) -> Path:
    """Where ``module`` lives, found from its root package (only the root is imported)."""
    root, *rest = module.split(".")
    spec = importlib.util.find_spec(root)
    assert spec is not None and spec.submodule_search_locations, f"{root} is not a package"
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*rest)
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _statement_at(module: str, line_number: int) -> str:
    """The whole import statement starting at ``line_number`` of ``module``'s source."""
    source = _source_file(module).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno == line_number:
            return ast.unparse(node)
    return ""


def _ancestors(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


class NoGuiContract(Contract):
    """Modules that never load the named submodules of external packages.

    Options: ``source_modules`` (module expressions), ``exclude`` (modules left out of the
    sources, not of the walk), ``forbidden_submodules`` (e.g. ``PySide6.QtWidgets``),
    ``ignore_imports`` (``"importer -> imported"`` edges the walk does not follow: a lazy
    import that only some commands make, said why beside it in pyproject.toml).
    """

    type_name = "no_gui"

    source_modules = fields.ListField(subfield=fields.ModuleExpressionField())
    exclude = fields.ListField(subfield=fields.StringField(), required=False, default=[])
    forbidden_submodules = fields.ListField(subfield=fields.StringField())
    ignore_imports = fields.ListField(subfield=fields.StringField(), required=False, default=[])

    def _roots(self) -> set[str]:
        roots = self.session_options.get("root_packages") or [self.session_options["root_package"]]
        return set(roots)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        roots = self._roots()
        excluded: set[str] = set(self.exclude)  # type: ignore[call-overload]
        expressions: Any = self.source_modules
        sources = sorted(
            m.name
            for m in module_expressions_to_modules(graph, expressions)
            if m.name not in excluded
        )
        missing = [s for s in sources if s not in graph.modules]
        if missing:
            raise ValueError(f"Modules {missing} do not exist.")
        forbidden: list[str] = list(self.forbidden_submodules)  # type: ignore[call-overload]
        ignored = {
            tuple(part.strip() for part in edge.split("->"))
            for edge in self.ignore_imports  # type: ignore[attr-defined]
        }
        came_from: dict[str, str | None] = dict.fromkeys(sources)
        queue = deque(sources)

        def reach(module: str, parent: str) -> None:
            if module in graph.modules and module not in came_from:
                came_from[module] = parent
                queue.append(module)

        violations: list[Violation] = []
        while queue:
            module = queue.popleft()
            output.verbose_print(verbose, f"Reading the imports of {module}...")
            for package in _ancestors(module):
                reach(package, module)
            for imported in sorted(graph.find_modules_directly_imported_by(module)):
                if (module, imported) in ignored:
                    continue
                if imported.split(".")[0] in roots:
                    reach(imported, module)
                    continue
                for detail in graph.get_import_details(importer=module, imported=imported):
                    violations += self._violations(module, detail, forbidden, came_from)
        return ContractCheck(
            kept=not violations,
            metadata={"violations": violations, "walked": len(came_from)},
        )

    @staticmethod
    def _violations(
        module: str,
        detail: DetailedImport,
        forbidden: list[str],
        came_from: dict[str, str | None],
    ) -> list[Violation]:
        line: str = detail["line_contents"]
        names = imported_modules(line)
        if names is None:  # a statement spread over several lines
            names = imported_modules(_statement_at(module, detail["line_number"])) or set()
        chain = [module]
        while (parent := came_from[chain[-1]]) is not None:
            chain.append(parent)
        return [
            Violation(tuple(reversed(chain)), detail["line_number"], line.strip(), bad)
            for bad in forbidden
            if any(name == bad or name.startswith(bad + ".") for name in names)
        ]

    def render_broken_contract(self, check: ContractCheck) -> None:
        for v in check.metadata["violations"]:
            output.print_error(f"{v.chain[-1]} loads {v.forbidden}:")
            output.new_line()
            output.print_error(f"-   {' -> '.join(v.chain)}", bold=False)
            output.indent_cursor()
            output.print_error(f"line {v.line_number}: {v.line}", bold=False)
            output.new_line()
