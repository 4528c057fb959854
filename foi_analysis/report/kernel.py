"""The project's Jupyter kernel, registered under its own name.

papermill, nbval and JupyterLab find kernels by name on the Jupyter path; "python3" is whichever
Python registered that name first (a system Python, a conda base), not necessarily the one with
this project's pinned libraries. ``foi-analysis`` is registered inside the project's environment
(``<sys.prefix>/share/jupyter/kernels/``) and runs exactly this interpreter.

``python -m foi_analysis.report.kernel`` registers it (the Makefile's set-up does).
"""

from __future__ import annotations

import sys

NAME = "foi-analysis"
DISPLAY_NAME = "Python (foi-analysis)"


def _registered_python() -> str | None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        return KernelSpecManager().get_kernel_spec(NAME).argv[0]
    except NoSuchKernel:
        return None


def ensure() -> str:
    """Register the kernel for this interpreter unless the name already runs it; its python path.

    Idempotent and cheap when registered, so every report run can call it: a fresh clone or an
    environment made without the Makefile still gets the right kernel.
    """
    if _registered_python() != sys.executable:
        from ipykernel.kernelspec import install

        install(kernel_name=NAME, display_name=DISPLAY_NAME, prefix=sys.prefix)
    found = _registered_python()
    if found != sys.executable:
        # A kernel of the same name earlier on the Jupyter path (e.g. ~/.local/share/jupyter) wins.
        raise SystemExit(f"the Jupyter kernel {NAME!r} runs {found}, not this environment's {sys.executable}; "
                         f"remove it with `jupyter kernelspec remove {NAME}`")
    return found


def manager_class():
    """The kernel manager the report's kernels run under: jupyter_client's AsyncKernelManager (what
    nbclient uses), asking for CurveZMQ transport encryption where pyzmq has it and the kernelspec
    declares it (ipykernel's does). Unencrypted, each kernel warns on stderr that its messages
    cross TCP in plain text: five warnings in every report's log. Its kernels run kernelapp.py."""
    import zmq
    from jupyter_client import AsyncKernelManager
    from traitlets import default

    class ReportKernelManager(AsyncKernelManager):
        @default("transport_encryption")
        def _transport_encryption_default(self) -> str:
            return "auto" if zmq.has("curve") else "disabled"

        def format_kernel_cmd(self, extra_arguments=None):
            # ipykernel's kernel, started through kernelapp.py: no false "ERROR | KeyboardInterrupt
            # caught in kernel." in the report's log when the kernel is shut down (see there).
            cmd = super().format_kernel_cmd(extra_arguments)
            if "ipykernel_launcher" in cmd:
                cmd[cmd.index("ipykernel_launcher")] = "foi_analysis.report.kernelapp"
            return cmd

    return ReportKernelManager


if __name__ == "__main__":
    print(f"kernel {NAME!r} runs {ensure()}")
