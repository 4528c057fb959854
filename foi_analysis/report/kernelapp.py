"""The report's kernel process: ipykernel's, with one misleading log line left out.

Before it asks a kernel to shut down, jupyter_client's ``KernelManager.shutdown_kernel`` always
interrupts it (SIGINT, the kernelspec's interrupt mode), in case a cell is still running. A kernel
that is idle ignores SIGINT; but papermill asks for ``kernel_info`` after the last cell and shuts the
kernel down as soon as the reply arrives, and if the signal lands in the moment between ipykernel
sending that reply and leaving its message handler, ipykernel logs
``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.`` and carries on (the handler had already
done its work). In a report that ran without a fault, that was one false ERROR in about one kernel in
three. An interrupt that stops a running cell (a timeout, Ctrl-C of the report, a shutdown while a
cell runs) is raised inside the cell instead, where IPython shows it as the cell's KeyboardInterrupt
error: that is not this line, and it is not filtered.

So only this exact message is dropped, by a filter on the kernel application's logger given through
its public ``logging_config`` (traitlets); the signals are sent and handled exactly as before. Both
kinds of report kernel run this: ``python -m foi_analysis.report.kernelapp -f CONNECTION_FILE``
(ordinary kernels: ``kernel.manager_class`` runs it in place of the kernelspec's ``ipykernel_launcher``) and the kernels forked by ``forkserver.py``.
"""

from __future__ import annotations

import logging

# ipykernel's kernelbase.Kernel.dispatch_shell, when SIGINT arrives inside a message handler.
HANDLER_INTERRUPTED = "KeyboardInterrupt caught in kernel."


class HandlerInterruptedFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != HANDLER_INTERRUPTED


# Merged by traitlets into the application's own logging configuration (its logger and handler).
LOGGING = {
    "filters": {"foi_analysis_handler_interrupted": {"()": HandlerInterruptedFilter}},
    "loggers": {"IPKernelApp": {"filters": ["foi_analysis_handler_interrupted"]}},
}


def launch(argv: list[str] | None = None) -> None:
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=argv, logging_config=LOGGING)


if __name__ == "__main__":
    # As ipykernel_launcher (which the kernelspec names, and this replaces): the working directory
    # off sys.path while ipykernel loads; the kernel puts it back for the notebook's code.
    import sys
    from pathlib import Path

    if sys.path[0] == "" or Path(sys.path[0]) == Path.cwd():
        del sys.path[0]
    launch()
