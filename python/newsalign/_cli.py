"""The ``newsalign`` command installed by the wheel: the command line compiled into the extension."""

import signal
import sys


def main() -> None:
    """Runs ``newsalign`` with the process's arguments and exits with its status."""
    # Ctrl-C stops the command as it stops the binary (Python would only set a flag while Rust runs).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from ._native import run_cli

    sys.stdout.flush()
    sys.exit(run_cli(["newsalign", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
