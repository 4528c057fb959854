"""The reviewers' HTML: self-contained pages (inline CSS, charts embedded, no script, font or
stylesheet from the internet), each opening with the period its data covers, and an index that opens
with the headline figures, what the data covers, the build's data-quality status and the run's
provenance.

Notebook pages come from nbconvert's ``basic`` template (the body only, no <head>, so none of the
lab template's require.js or MathJax from a CDN) wrapped in our own page; chart ``alt`` text comes
from the output metadata that ``plots.show`` writes.
"""

from __future__ import annotations

import datetime as dt
import html
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from .. import config


def _css() -> str:
    return files(__package__).joinpath("templates", "report.css").read_text(encoding="utf-8")


def markdown_html(text: str) -> str:
    from nbconvert.filters import markdown2html

    return markdown2html(text)


def page(title: str, body: str, banner: str = "", back: bool = True) -> str:
    nav = '<nav class="top"><a href="index.html">&larr; Report index</a></nav>' if back else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>\n{_css()}</style></head>\n"
            f"<body>{nav}{banner}<main>\n{body}\n</main></body></html>\n")


def _banner_parts(found: dict, coverage: bool) -> tuple[list[str], bool]:
    """The banner's Markdown paragraphs: the period the data covers and, when the grids end before
    today, that later ones exist; what the build rejected (a warning when anything, or when it counts a
    grid's rows twice: one grid saved under two names). Notebook pages state their coverage themselves
    (coverage=False) but not the build's rejections, so their banner always says those, "nothing" too:
    a page read on its own still says what was left out. The index has a section of its own for them."""
    from ..analysis import data_quality, findings
    from ..analysis.display import markdown_values

    parts = ([findings.markdown("coverage", found["coverage"])]
             if coverage and "coverage" in found and "error" not in found["coverage"] else [])
    quality = found.get("data_quality", {})
    if quality.get("rejected") or (not coverage and quality and "error" not in quality):
        parts.append(findings.describe_markdown("data_quality", quality)[0])
    # Grids counted twice: nothing need be rejected for every total that includes them to be wrong.
    twice = data_quality.counted_twice(markdown_values(quality))
    return parts + twice, bool(quality.get("rejected") or twice)


def banner(parts: list[str], warn: bool) -> str:
    """The banner of ``_banner_parts`` as HTML; nothing when it has nothing to say."""
    if not parts:
        return ""
    text = "\n\n".join(parts)  # a blank line between parts: a paragraph right after a list would continue its last item
    return f'<section class="banner{" warn" if warn else ""}" aria-label="Coverage">{markdown_html(text)}</section>'


def findings_texts(found: dict) -> dict:
    """Everything the pages say that comes from the findings, as Markdown (plain JSON values): the
    notebook pages' banner and the index's banner, headlines and data-quality paragraph. Computed
    where the findings are (a process forked from the kernels' server), so that the report's own
    process renders every page without importing the analysis stack."""
    from ..analysis import findings

    quality = found.get("data_quality", {})
    quality_md = (findings.markdown("data_quality", quality) if quality and "error" not in quality
                  else "**Data quality**: could not be read (see findings.json).")
    return {
        "page_banner": _banner_parts(found, coverage=False),
        "index_banner": _banner_parts(found, coverage=True),
        "headline": "\n".join(f"- {line}" for line in headlines(found)) or "No figure could be computed.",
        "quality": quality_md,
        "quality_warn": bool(quality.get("rejected")),
    }


def exporter():
    """nbconvert's ``basic`` HTML exporter, outputs only; reusable for many pages (it compiles its
    templates on first use, which costs more than converting a page)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def render_notebook(notebook: Path, target: Path, banner: str = "", html_exporter=None) -> str:
    """One notebook as a page: outputs only (no code, no prompts), charts embedded with their alt
    text; returns the notebook's title (its first heading) for the index."""
    import nbformat

    html_exporter = html_exporter or exporter()
    nb = nbformat.read(notebook, as_version=4)
    body, _ = html_exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem}})
    heading = title(nb, notebook.stem)
    target.write_text(page(heading, body, banner), encoding="utf-8")
    return heading


def title(nb, default: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            return cell.source.lstrip().splitlines()[0].lstrip("#").strip()
    return default


# --- provenance ----------------------------------------------------------------------------------

def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(config.ROOT), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def provenance(run_id: str, parameters: dict, raw_digest: str) -> dict:
    """What a reader needs to reproduce the run: the data's digest, the code's version and commit, the
    parameters."""
    try:
        package = version("foi-analysis")
    except PackageNotFoundError:
        package = None
    commit = _git("rev-parse", "HEAD")
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "run_id": run_id,
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "raw_data_sha256": raw_digest,
        "package_version": package,
        "git_commit": commit,
        "git_uncommitted_changes": bool(dirty) if dirty is not None else None,
        "python": platform.python_version(),
        "parameters": parameters,
    }


# --- the index -----------------------------------------------------------------------------------

def headlines(found: dict) -> list[str]:
    """The sentences the index opens with, each computed by ``findings``: the threshold comparison,
    purposes within a year, the reference figure, and the first finding of each FOI section."""
    from ..analysis import findings

    lines = []
    # what the grids hold first ("The grids ... list 286 deployments"), then what their rates say
    deployments = found.get("deployments", {})
    if deployments and "error" not in deployments:
        lines += findings.describe_markdown("deployments", deployments)[:1]
    grid = found.get("grid_analyses", {})
    if "error" not in grid and grid.get("counted"):
        described = findings.describe_markdown("grid_analyses", grid)
        # the threshold comparison with the sentence that says what it measures
        lines += [s for s in described if s.startswith(("The grids' false alert rates below", "False alerts per face seen", "At threshold",
                                                         "**By purpose"))]
    ref = found.get("reference_comparison", {})
    if "error" not in ref and ref.get("figures"):
        lines.append(findings.describe_markdown("reference_comparison", ref)[1])  # the first figure, after the lead
    # the first finding of each section; the blue list's with the next, which gives its rates' intervals
    for section, first in (("blue_list", 2), ("exemptions", 1)):
        numbers = found.get(section, {})
        if "error" not in numbers and numbers:
            lines += findings.describe_markdown(section, numbers)[:first]
    return lines


def generated_words(stamp: str) -> str:
    """findings.json's '2026-11-30 10:21 UTC' as the page says it: '30 November 2026, 10:21 UTC'."""
    from ..analysis.display import day

    when, _, time = stamp.partition(" ")
    try:
        return f"{day(when)}, {time}" if time else day(when)
    except ValueError:  # not the stamp this module writes: shown as it is
        return stamp


def describe_parameters(parameters: dict) -> str:
    """A run's parameters as a reader is told them: "all authorities, 1 January 2024 to the end, 99% intervals"."""
    p = dict(parameters)
    authority, start, end = p.pop("authority", ""), p.pop("start", ""), p.pop("end", "")
    from ..analysis.display import day  # the one date style of the pages (a light module: no pandas work)

    parts = [f"authorities matching '{authority}'" if authority else "all authorities",
             f"{day(start) if start else 'the start'} to {day(end) if end else 'the end'}" if start or end
             else "the whole period"]
    if "confidence" in p:
        parts.append(f"{100 * p.pop('confidence'):g}% intervals")
    parts += [PARAMETER_WORDS[k].format(v) if k in PARAMETER_WORDS else f"{k.replace('_', ' ')} {v}" for k, v in p.items()]
    return ", ".join(parts)


# a notebook's own parameters in words (a parameter not named here is shown by its name, spaced)
PARAMETER_WORDS = {"max_passes": "charts up to {} blue-list passes"}


def render_index(run_id: str, outcomes: list, titles: dict[str, str], texts: dict, provenance: dict,
                 findings_ok: bool) -> str:
    """The index page; ``texts`` from ``findings_texts``, ``provenance`` as in findings.json."""
    rows = []
    for o in outcomes:
        params = describe_parameters(o.parameters)
        error = f"<br><small>{html.escape(o.error)}</small>" if o.error else ""
        rows.append(
            f'<tr class="{o.status}"><td><a href="{o.files["html"]}">{html.escape(titles[o.name])}</a>'
            f'<br><small>{o.name}</small></td><td class="status">{o.status}{error}</td>'
            f"<td>{html.escape(params)}</td>"
            f'<td><a href="{o.files["html"]}">page</a> · <a href="{o.files["ipynb"]}">notebook</a></td></tr>')
    failed = sum(o.status != "ok" for o in outcomes)
    summary = f"{len(outcomes) - failed} of {len(outcomes)} notebooks ran" + (f"; {failed} failed" if failed else "")
    findings_note = "" if findings_ok else " (some sections could not be computed: see the file)"
    # findings.json keeps the values; the page says them ("no", not "False"; the parameters in words)
    def said(v):
        return "not known" if v is None else ("yes" if v else "no") if isinstance(v, bool) else v

    shown = {k: said(v) for k, v in provenance.items()} | {"parameters": describe_parameters(provenance["parameters"]),
                                                            "generated": generated_words(provenance["generated"])}
    prov_rows = "".join(f"<dt>{html.escape(k.replace('_', ' '))}</dt><dd><code>{html.escape(str(v))}</code></dd>"
                        for k, v in shown.items())
    body = f"""<h1>Police facial recognition: FOI disclosures and the Met's deployment grids</h1>
<p>Made on {html.escape(generated_words(provenance["generated"]))} (report folder <code>{html.escape(run_id)}</code>). {summary}. Every figure below is computed from the documents
named beside it; the numbers are in <a href="findings.json">findings.json</a>{findings_note}.</p>
{banner(*texts["index_banner"])}
<h2>Headline figures</h2>
{markdown_html(texts["headline"])}
<h2>Data quality</h2>
<div class="banner{' warn' if texts["quality_warn"] else ''}">{markdown_html(texts["quality"])}</div>
<h2>Pages</h2>
<div class="table-scroll"><table>
<thead><tr><th>Page</th><th>Status</th><th>Parameters</th><th>Files</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></div>
<h2>Provenance</h2>
<dl class="provenance">{prov_rows}</dl>
"""
    return page(f"FOI analysis report {run_id}", body, back=False)
