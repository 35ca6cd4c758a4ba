"""Executes one notebook with the tslab kernel and prints the executed notebook as JSON on stdout.

A failing cell's stderr (where tslab puts compile and runtime errors) is printed to stderr, so a failure says
what went wrong instead of nbconvert's empty error.
"""
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


# tslab's zeromq sockets sometimes answer the first kernel_info request while still binding (EBUSY), and the kernel
# never reports ready. That is a start-up failure before any cell runs: a fresh kernel is started, and the retry is
# reported on stderr with the "retry: " prefix, which the runner prints.
KERNEL_START_ATTEMPTS = 3


def main(path: str, timeout: int) -> int:
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=timeout, kernel_name="tslab", resources={"metadata": {"path": path.rsplit("/", 1)[0]}})
        try:
            client.execute()
            break
        except CellExecutionError as err:
            for cell in nb.cells:
                for out in cell.get("outputs", []):
                    if out.get("output_type") == "stream" and out.get("name") == "stderr":
                        sys.stderr.write(out.get("text", ""))
                    if out.get("output_type") == "error":
                        sys.stderr.write(f"{out.get('ename')}: {out.get('evalue')}\n")
            sys.stderr.write(f"{path}: {str(err).splitlines()[0] if str(err) else 'cell failed'}\n")
            json.dump(nb, sys.stdout)
            return 1
        except RuntimeError as err:
            ran = any(cell.get("execution_count") for cell in nb.cells if cell.cell_type == "code")
            if ran or "Kernel didn't respond" not in str(err) or attempt == KERNEL_START_ATTEMPTS:
                raise
            sys.stderr.write(f"retry: {err}; starting a new kernel (attempt {attempt + 1} of {KERNEL_START_ATTEMPTS})\n")
    json.dump(nb, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 120))
