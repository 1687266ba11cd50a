"""What keeps `quotebot serve`'s memory down (issue 14: at most 200 MB at 10M quotes; the figure is
bench/bench_serve_memory.py's): here, the parts that need no big corpus."""

from __future__ import annotations

import subprocess
import sys


def test_serving_imports_no_numpy_and_numpy_still_imports_later() -> None:
    """sqlite-utils would import numpy (installed for the digest chart) at start-up: about 30 MB resident
    for nothing. A fresh process importing what `quotebot serve` imports has no numpy; a chart's later
    `import numpy` still works, and sqlite-utils still writes and reads rows."""
    code = (
        "import sys\n"
        "import adapters.cli, adapters.serve, adapters.telegram, adapters.slack, bot.core\n"
        "assert 'numpy' not in sys.modules, 'numpy imported at start-up'\n"
        "assert 'pandas' not in sys.modules\n"
        "from sqlite_utils import Database\n"
        "db = Database(memory=True)\n"
        "db['t'].insert_all([{'a': 1, 'b': 2.5, 'c': 'x'}])\n"
        "assert list(db['t'].rows) == [{'a': 1, 'b': 2.5, 'c': 'x'}]\n"
        "try:\n"
        "    import numpy\n"
        "except ImportError:\n"
        "    print('no numpy installed')\n"
        "else:\n"
        "    assert numpy.array([1, 2]).sum() == 3\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")
