"""News in, quotes out: ingest, clean, extract, speakers, store, search.

No chat concepts live here; ``bot`` builds the product on top of this package.
"""

import sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with numpy and pandas hidden (unless something imported them already).

    sqlite-utils imports both whenever they are installed (numpy is, for the digest chart's matplotlib),
    only to name their scalar types as column types; quotebot never hands it a numpy or pandas value.
    numpy alone costs every process about 30 MB resident (15 MB of its own objects, 16 MB of its and
    OpenBLAS's libraries), a sixth of `quotebot serve`'s 200 MB budget (issue 14). Hidden, sqlite-utils
    takes them as not installed; later imports of numpy (matplotlib's, when a chart is drawn) work as ever.
    """
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_sqlite_utils_without_numpy()
