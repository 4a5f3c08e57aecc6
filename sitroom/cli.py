"""The `sitroom` command: thin commands that parse arguments, call a function, format the result.

Every SitroomError becomes a one-line message here (`report`), nowhere else.
Exit codes: 0 all went in, 1 some inputs failed (or an error stopped the command), 2 usage.
"""
from __future__ import annotations

import csv
import functools
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import click
from click.core import ParameterSource

from .errors import SitroomError
from .settings import Settings, SettingsError, load_settings

# The command-line option of each setting, declared once; a command names the ones it takes in
# `with_settings`. An option left at its default counts as not given, so the environment and
# sitroom.toml can set it (docs/settings.md); the help shows the built-in default.
SETTING_OPTIONS: dict[str, Callable[[Any], Any]] = {
    "db": click.option("--db", default=Settings.db, show_default=True,
                       help="DuckDB file to use."),
    "batch_size": click.option("--batch-size", default=Settings.batch_size, show_default=True,
                               help="Articles per transaction."),
    "workers": click.option("--workers", type=click.IntRange(min=1),
                            help="Extraction processes (default: one per CPU)."),
    "engine": click.option("--engine", type=click.Choice(["local", "dask"]),
                           help="local process pool (default) or Dask (--scheduler, else a "
                                "LocalCluster)."),
    "scheduler": click.option("--scheduler", metavar="tcp://HOST:PORT",
                              help="Dask scheduler address (with --engine dask)."),
    "triage": click.option("--triage/--no-triage", default=None,
                           help="Parse only sentences with an event word (see docs/scaling.md)."),
    "include": click.option("--include", multiple=True, metavar="GLOB",
                            help="In folders, read only files matching GLOB (the path below "
                                 "the folder or the file name); repeatable."),
    "exclude": click.option("--exclude", multiple=True, metavar="GLOB",
                            help="In folders, skip files matching GLOB; repeatable."),
    "default_date": click.option("--default-date", metavar="YYYY-MM-DD",
                                 help="Date of HTML pages and feed items that state none "
                                      "(default: such an item is an error)."),
    "host": click.option("--host", default=Settings.host, show_default=True,
                         help="Address to listen on."),
    "port": click.option("--port", default=Settings.port, show_default=True, type=int,
                         help="Port to listen on."),
    "token": click.option("--token", help="Bearer token writes must carry (needed with a "
                                          "non-loopback --host); the page gets it from /?token=."),
    "read_only": click.option("--read-only", is_flag=True, default=None,
                              help="Take no writes at all (POST answers 405)."),
    "allow_host": click.option("--allow-host", multiple=True, metavar="NAME[:PORT]",
                               help="Another Host name to answer to (repeatable; others: 421)."),
}
RUNNER_SETTINGS = ("workers", "engine", "scheduler", "triage")
READER_SETTINGS = ("include", "exclude", "default_date")


def _given(ctx: click.Context, name: str, value: Any) -> Any:
    """The option's value when the command line gave it, else None."""
    return None if ctx.get_parameter_source(name) is ParameterSource.DEFAULT else value


def with_settings(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the options of these settings and, in their place, one `settings`
    argument: the command line over SITROOM_* variables over sitroom.toml over the defaults."""
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = click.get_current_context()
            given = {name: _given(ctx, name, kwargs.pop(name)) for name in names}
            return command(*args, settings=load_settings(given), **kwargs)

        for name in reversed(names):
            wrapper = SETTING_OPTIONS[name](wrapper)
        return wrapper
    return decorate


def report(err: SitroomError) -> None:
    """Print one error line to standard error."""
    click.echo(f"error: {err}", err=True)


class Group(click.Group):
    """Turns domain errors into messages in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitroomError as err:
            report(err)
            ctx.exit(2 if isinstance(err, SettingsError) else 1)  # a bad setting is usage


@click.group(cls=Group)
@click.version_option(package_name="sitroom")
def cli() -> None:
    """sitroom: dated news articles in, source-attributed events and claims out."""


@contextmanager
def progress(label: str) -> Iterator[Any]:
    """A progress counter on a terminal; silent when standard error is not one."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed} articles"),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


def _read(paths: tuple[str, ...], settings: Settings, skipped: Counter[str],
          split_warc: bool = False) -> Iterator[Any]:
    """Articles and InputErrors from `paths` as the settings say; files skipped are counted.
    `split_warc`: WARC files as slices for the Dask workers to read."""
    from .ingest import read_paths

    return read_paths(paths, max_bytes=settings.max_file_bytes, include=settings.include or (),
                      exclude=settings.exclude or (), default_date=settings.default_date,
                      skipped=skipped, split_warc=split_warc)


def _print_skipped(skipped: Counter[str]) -> None:
    """One line counting what was skipped, by reason (nothing when nothing was)."""
    if skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
        click.echo(f"{sum(skipped.values())} skipped: {reasons}", err=True)


def _ingest(paths: tuple[str, ...], settings: Settings) -> Any:
    from .service import ingest
    from .store.db import Store

    skipped: Counter[str] = Counter()
    with Store(settings.db) as store, progress("ingesting") as advance:
        dask = settings.engine == "dask" or bool(settings.scheduler)
        result = ingest(_read(paths, settings, skipped, split_warc=dask), store,
                        batch_size=settings.batch_size, workers=settings.workers,
                        engine=settings.engine, scheduler=settings.scheduler,
                        triage=settings.triage, on_error=report, on_progress=advance)
    _print_skipped(skipped)
    return result


def _print_ingest(result: Any, db: str) -> None:
    click.echo(f"{_count(result.read, 'article')} read, {result.stored} stored, "
               f"{result.already_stored} already in {db}; {_count(result.events, 'event')}, "
               f"{_count(result.claims, 'claim')}; {_count(len(result.errors), 'input')} failed",
               err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@with_settings("db", "batch_size", *RUNNER_SETTINGS, *READER_SETTINGS)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], settings: Settings) -> None:
    """Read articles (files, directories, JSONL, CSV, HTML, RSS/Atom, WARC, - for stdin) and
    store their events."""
    result = _ingest(paths, settings)
    _print_ingest(result, settings.db)
    ctx.exit(0 if result.ok else 1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@with_settings("db", *RUNNER_SETTINGS, *READER_SETTINGS)
@click.pass_context
def run(ctx: click.Context, paths: tuple[str, ...], settings: Settings) -> None:
    """The main job: ingest, then print a readable summary of the situation."""
    from .store.db import Store
    from .summary import describe_event, summarize

    db = settings.db
    result = _ingest(paths, settings)
    _print_ingest(result, db)
    with Store(db, read_only=True) as store:
        summary = summarize(store)
    click.echo(f"\n{_count(summary.articles, 'article')}, {_count(summary.events, 'event')}, "
               f"{_count(summary.claims, 'claim')} in {db}\n")
    click.echo("Events by type: " + ", ".join(f"{t} {n}" for t, n in summary.by_type))
    click.echo("\nTop actor -> recipient pairs:")
    for a, b, n in summary.dyads:
        click.echo(f"  {a} -> {b}: {n}")
    click.echo("\nMain events (date, who, what, to whom, who says so):")
    for event in summary.main_events:
        click.echo("  " + describe_event(event))
    ctx.exit(0 if result.ok else 1)


EVENT_COLUMNS = ["date", "type", "mode", "status", "actor", "actor_country", "recipient",
                 "recipient_country", "said_by", "evidence", "origin"]


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    rec = event.get("recipient") or {}
    said = event.get("said_by") or {}
    return {"date": event.get("date") or event["article_date"], "type": event["type"],
            "mode": event["mode"] or "", "status": event["status"],
            "actor": event["actor"]["text"], "actor_country": event["actor"]["country"] or "",
            "recipient": rec.get("text", ""), "recipient_country": rec.get("country") or "",
            "said_by": said.get("text", ""), "evidence": event["evidence"]["text"],
            "origin": event["origin"]}


FILTER_OPTIONS = ("actor", "recipient", "country", "type_", "quad", "status", "source", "place",
                  "since", "until", "min_confidence", "q")


def event_filter_options(example_type: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The event filter's options, shared by `events` and `export` and named as the API's query
    parameters (--actor, --recipient, --country, --type, --quad, --status, --source, --place,
    --since, --until, --min-confidence, --q); the command gets them as one checked `where` EventFilter.
    A bad value is a usage error (exit 2) with the message the API answers with."""
    options = [click.option("--actor", help="Actor country code or text."),
               click.option("--recipient", help="Recipient country code or text."),
               click.option("--country", help="Country code on either side."),
               click.option("--type", "type_", help=f"PLOVER event type, e.g. {example_type}."),
               click.option("--quad", type=int, help="PLOVER quad class, 1-4."),
               click.option("--status", help="asserted, future, hypothetical or negated."),
               click.option("--source", help="Part of the article's publisher."),
               click.option("--place", help="Where the event happens: the place's country code, "
                                            "or part of its name."),
               click.option("--since", help="First date, YYYY-MM-DD."),
               click.option("--until", help="Last date, YYYY-MM-DD."),
               click.option("--min-confidence", type=float,
                            help="Only events the judge believes at least this much, 0-1 "
                                 "(docs/judge.md)."),
               click.option("--q", help="Words in the evidence, actor or recipient, in any "
                                        "order ('North Korean troops').")]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            from .store.filters import FilterError, parse_filter

            raw = {name: kwargs.pop(name) for name in FILTER_OPTIONS}
            raw["type"], raw["text"] = raw.pop("type_"), raw.pop("q")
            try:
                where = parse_filter(**raw)
            except FilterError as err:
                raise click.UsageError(str(err)) from None
            return command(*args, where=where, **kwargs)

        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper
    return decorate


def _parse_day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from None


@cli.command()
@with_settings("db")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="table for reading, jsonl (the output contract) or csv.")
@event_filter_options(example_type="ACCUSE")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many events.")
@click.option("--canonical", is_flag=True,
              help="One row per occurrence (reports merged across articles), with counts.")
def events(settings: Settings, fmt: str, where: Any, limit: int | None,
           canonical: bool) -> None:
    """List stored events, filtered: every report, or with --canonical every occurrence."""
    from dataclasses import replace

    from .store.db import Store

    db = settings.db
    where = replace(where, limit=limit)
    with Store(db, read_only=True) as store:
        rows = (store.canonical_events if canonical else store.events)(where)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat(r) for r in rows)
    else:
        from .summary import describe_event

        for row in rows:
            counts = (f"  [{_count(row['num_articles'], 'article')}, "
                      f"{_count(row['num_sources'], 'source')}]" if canonical else "")
            click.echo(describe_event(row) + counts)
        click.echo(_count(len(rows), "event"), err=True)


def _readable(paths: tuple[str, ...], failed: list[SitroomError],
              settings: Settings) -> Iterator[Any]:
    """The articles of `paths`; each input that cannot be read is reported and kept in
    `failed`, and the rest go on."""
    from .errors import InputError

    skipped: Counter[str] = Counter()
    for item in _read(paths, settings, skipped):
        if isinstance(item, InputError):
            failed.append(item)
            report(item)
        else:
            yield item
    _print_skipped(skipped)


def _succeeded(results: Iterator[Any], failed: list[SitroomError]) -> Iterator[Any]:
    """The results that are not an ExtractionError; each error is reported and kept in
    `failed`, and the rest go on."""
    from .errors import ExtractionError

    for result in results:
        if isinstance(result, ExtractionError):
            failed.append(result)
            report(result)
        else:
            yield result


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="One JSON object per event or claim (docs/contract.md).")
@with_settings("workers", *READER_SETTINGS)
@click.option("--triage/--no-triage", default=False, show_default=True,
              help="Parse only sentences with an event word (see docs/scaling.md).")
@click.option("--trace", is_flag=True,
              help="Add to each event the coder rules that fired on it (a `rules` list).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str, settings: Settings,
            triage: bool, trace: bool) -> None:
    """Print events and claims as JSON lines, one object per line (no database).

    Records come in input order; extraction runs on the same runner as ingest."""
    from .batch.local import default_workers, extract_all

    failed: list[SitroomError] = []

    def fail(err: SitroomError) -> None:
        failed.append(err)
        report(err)

    skipped: Counter[str] = Counter()
    results = extract_all(_read(paths, settings, skipped), fail,
                          workers=settings.workers or default_workers(), triage=triage)
    for result in results:
        for record in (*result.events, *result.claims):
            row = record.to_dict()
            if trace and row["kind"] == "event":
                row["rules"] = list(record.rules)
            click.echo(json.dumps(row, ensure_ascii=False))
    _print_skipped(skipped)
    ctx.exit(1 if failed else 0)


@cli.command()
@click.argument("source", metavar="TEXT|FILE")
@click.option("--date", "on", help="The article date, YYYY-MM-DD (default: a file's own date, "
              "else today).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Readable text, or one JSON object per article.")
@with_settings()
@click.pass_context
def explain(ctx: click.Context, source: str, on: str | None, fmt: str,
            settings: Settings) -> None:
    """Show why the coder coded TEXT, or each article in FILE: per sentence, the candidate
    frames, every rule that fired, the parties chosen and the events."""
    import os
    from dataclasses import replace

    from .coder.explain import explain as explained, render, text_article
    from .extract import Extractor

    day = _parse_day(on, "--date")
    failed: list[SitroomError] = []
    articles = list(_readable((source,), failed, settings)) if os.path.exists(source) else \
        [text_article(source, day or date.today())]
    extractor = Extractor()
    for article in articles:
        report_ = explained(extractor, article if day is None else replace(article, date=day))
        click.echo(json.dumps(report_, ensure_ascii=False) if fmt == "json" else render(report_),
                   nl=fmt == "json")
    ctx.exit(1 if failed else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--verbs", required=True, type=click.Path(exists=True, dir_okay=False),
              help="A PETRARCH/TABARI verb dictionary (e.g. CAMEO.2.0.txt).")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
              help="A PETRARCH actors dictionary (default: sitroom's own actors).")
@click.option("--agents", "agents_file", type=click.Path(exists=True, dir_okay=False),
              help="A PETRARCH agents dictionary (with --actors).")
@click.option("--db", default=None, metavar="FILE",
              help="Store the coded events in this DuckDB file instead of printing them "
                   "(read them back with `sitroom coded`).")
@with_settings()
@click.pass_context
def code(ctx: click.Context, paths: tuple[str, ...], verbs: str, actors_file: str | None,
         agents_file: str | None, db: str | None, settings: Settings) -> None:
    """Code articles with your own PETRARCH verb dictionary: one JSON line per event, with its
    code and the dictionary line that gave it, or with --db stored (docs/dictionaries.md)."""
    from .actors import load_petrarch
    from .extract import Extractor
    from .verbs.dictionary import load_verb_dictionary

    if agents_file and not actors_file:
        raise click.UsageError("--agents needs --actors")
    dictionary = load_verb_dictionary(verbs)
    kb = load_petrarch(actors_file, agents_file) if actors_file else None
    failed: list[SitroomError] = []
    articles = _readable(paths, failed, settings)
    coded = _succeeded(Extractor(kb=kb).code(articles, dictionary), failed)
    if db is not None:
        _store_coded(coded, db, verbs, failed, settings.batch_size)
    else:
        for _, events in coded:
            for event in events:
                click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
    ctx.exit(1 if failed else 0)


def _store_coded(coded: Iterator[Any], db: str, verbs: str, failed: list[SitroomError],
                 batch_size: int) -> None:
    """Store `sitroom code`'s (article, coded events) pairs a batch per transaction."""
    from itertools import islice

    from .store.db import DictionaryFile, Store

    dictionary = DictionaryFile.of(verbs)
    articles = events = 0
    with Store(db) as store:
        while batch := list(islice(coded, batch_size)):
            events += store.add_coded(batch, dictionary)
            articles += len(batch)
    click.echo(f"{_count(articles, 'article')} coded with {dictionary.name} (sha256 "
               f"{dictionary.sha256[:12]}); {_count(events, 'coded event')} stored in {db}; "
               f"{_count(len(failed), 'input')} failed", err=True)


@cli.command()
@with_settings("db")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="table for reading, or jsonl as `sitroom code` prints it.")
@click.option("--dictionary", metavar="NAME|SHA256",
              help="Only this verb dictionary's codes: its file name or a prefix of its SHA-256.")
@click.option("--code", "code_", help="Only codes that start with this, e.g. 12 (12, 120, ...).")
@click.option("--since", help="First article date, YYYY-MM-DD.")
@click.option("--until", help="Last article date, YYYY-MM-DD.")
def coded(settings: Settings, fmt: str, dictionary: str | None, code_: str | None,
          since: str | None, until: str | None) -> None:
    """List the events stored by `sitroom code --db`, each verb dictionary's apart."""
    from .errors import StoreError
    from .store.db import Store

    db = settings.db
    first, last = _parse_day(since, "--since"), _parse_day(until, "--until")
    with Store(db, read_only=True) as store:
        dictionaries = store.verb_dictionaries(dictionary)
        if dictionary and not dictionaries:
            known = ", ".join(f"{d['name']} ({d['sha256'][:12]})"
                              for d in store.verb_dictionaries()) or "none"
            raise StoreError(f"no verb dictionary {dictionary!r} in {db} (stored: {known})")
        found = [(d, store.coded_events(d["sha256"], code=code_, since=first, until=last))
                 for d in dictionaries]
    for d, rows in found:
        if fmt == "table":
            click.echo(f"# {d['name']} (sha256 {d['sha256'][:12]}): {_count(len(rows), 'event')}")
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False) if fmt == "jsonl" else
                       _coded_line(row))
    click.echo(f"{_count(sum(len(rows) for _, rows in found), 'coded event')} from "
               f"{_count(len(found), 'verb dictionary', 'verb dictionaries')} in {db}", err=True)


def _coded_line(row: dict[str, Any]) -> str:
    """A coded event on one line: date, code, source -> target, the verb and dictionary line."""
    def who(actor: dict[str, Any] | None) -> str:
        return f"{actor['text']} ({actor['country'] or '?'})" if actor else "-"

    return (f"  {row['article_date']}  {row['code']:<6} {who(row['source'])} -> "
            f"{who(row['target'])}  [{row['verb']}; line {row['line']}: {row['pattern']}]")


@cli.command()
@with_settings("db")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="table for reading, or one JSON object per group.")
@click.option("--contested", is_flag=True, help="Only groups whose claimants disagree.")
@click.option("--about", help="Part of what a group, or one of its claims, is about.")
@event_filter_options(example_type="ASSAULT")
def claims(settings: Settings, fmt: str, contested: bool, about: str | None, where: Any) -> None:
    """Claim groups: who says how many of what, and since when; contested groups first, each
    whole followed by its sub-quantities. The filters are /api/claims' and keep the same
    groups: --actor and --country are the claimant, --since/--until the claim's date, --q words
    of what it is about, its evidence or its claimant, --source the article's; a group shows
    the claims they keep (event-only filters, such as --type, narrow no claim)."""
    from .claims import group_to_dict
    from .claims.groups import updates
    from .claims.listing import select_groups
    from .store.articles import kept_claim_ids
    from .store.db import Store

    db = settings.db
    with Store(db, read_only=True) as store:
        groups, stale = store.listed_claim_groups()  # as stored by ingest
        kept = kept_claim_ids(store.con, where)
    if stale:  # an older store, or stories changed since: grouped here
        click.echo("note: the stored claim groups are not up to date (run `sitroom "
                   "stories` to store them); grouping the claims now", err=True)
    by_id = {g.group_id: g for g in groups}
    for shown in select_groups([group_to_dict(g) for g in groups], kept, about,
                               True if contested else None):
        if fmt == "jsonl":
            shown.pop("depth")
            click.echo(json.dumps(shown, ensure_ascii=False, default=str))
            continue
        group = by_id[shown["group_id"]]
        ids = {c["claim_id"] for c in shown["claims"]}
        claims = [c for c in group.claims if c.claim_id in ids]
        flag = " CONTESTED" if group.contested else ""
        parent = f" (part of {group.parent_group_id})" if group.parent_group_id else ""
        role = group.claims[0].role if group.claims else "other"
        click.echo(f"{group.about} [{group.unit}; {role}] {_num(group.min)} to "
                   f"{_num(group.max)}{flag}{parent}")
        for c in sorted(claims, key=lambda c: (c.date or c.article_date, c.claim_id)):
            who = c.claimant.text if c.claimant else "(the article)"
            high = f"-{_num(c.value_max)}" if c.value_max else ""
            click.echo(f"  {c.date or c.article_date}  {who}: {c.qualifier} {_num(c.value)}{high}")
        for who, seq in updates(claims).items():
            click.echo(f"  update by {who}: " + " -> ".join(_num(c.value) for c in seq))


@cli.command()
@with_settings("db")
@click.option("--full", is_flag=True,
              help="Recompute over the whole store (default: only what new articles change).")
def stories(settings: Settings, full: bool) -> None:
    """Update stories, canonical events and claim groups (as ingest does; --full redoes all)."""
    from .store.db import Store

    db = settings.db
    with Store(db) as store:
        stats = store.rebuild_stories() if full else store.update_stories()
        store.regroup_claims(full=full)  # claim groups stay inside the stories
    click.echo(f"{_count(stats.articles, 'article')} ({'full' if full else 'new'}), "
               f"{_count(stats.stories, 'story', 'stories')} and "
               f"{_count(stats.canonical_events, 'canonical event')} written in "
               f"{stats.seconds:.2f}s", err=True)


def _count(n: int, one: str, many: str | None = None) -> str:
    """"1 event", "2 events": a count with its noun."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


@cli.command()
@click.argument("texts", nargs=-1, required=True)
@click.option("--date", "on", help="Resolve as of this date, YYYY-MM-DD (default: today).")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True, help="One JSON object per line, or tab-separated columns.")
@click.option("--actors", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An extra actors file (people or organisations format; repeatable).")
def actor(texts: tuple[str, ...], on: str | None, fmt: str, extra: tuple[str, ...]) -> None:
    """Resolve actor names to country, sector and entity; `-` reads TEXT<TAB>DATE lines."""
    from .actors import load_kb, resolve_lines

    kb = load_kb(extra=extra)
    day = _parse_day(on, "--date") or date.today()
    lines = sys.stdin if texts == ("-",) else list(texts)
    columns = ("text", "country", "sector", "entity", "role", "confidence")
    if fmt == "table":
        click.echo("\t".join(columns))
    for row in resolve_lines((line.rstrip("\n") for line in lines), kb, day):
        if fmt == "json":
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo("\t".join(str(row.get(k) or "") for k in columns))


@cli.command()
@click.argument("path")
@with_settings("db")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "parquet", "jsonl", "gdelt", "polecat"]),
              help="Output format (docs/exports.md).")
@event_filter_options(example_type="ASSAULT")
@click.option("--header/--no-header", default=None,
              help="Write a header line (csv default: yes; gdelt default: no, like GDELT).")
@click.option("--canonical", is_flag=True, help="One row per canonical event, not per report.")
@click.option("--claims", "claims_", is_flag=True,
              help="One row per claim with its group, role, event and claimant (csv, parquet "
                   "or jsonl; event filters do not apply).")
def export(path: str, settings: Settings, fmt: str, where: Any, header: bool | None,
           canonical: bool, claims_: bool) -> None:
    """Write stored events (or claims) to PATH (- for standard output) for pandas, R, DuckDB
    or GDELT tools."""
    from .exports import CLAIM_FORMATS, export_claims
    from .exports import export as write
    from .store.db import EventFilter, Store

    db = settings.db
    if header is not None and fmt not in ("csv", "gdelt"):
        raise click.UsageError(f"--header/--no-header applies to csv and gdelt, not {fmt}")
    if fmt == "parquet" and path == "-":
        raise click.UsageError("parquet needs a file PATH, not - (standard output)")
    if claims_:
        if canonical or where != EventFilter():
            raise click.UsageError("--claims exports every claim: no event filters or "
                                   "--canonical")
        if fmt not in CLAIM_FORMATS:
            raise click.UsageError(f"--claims writes {', '.join(CLAIM_FORMATS)}, not {fmt}")
        with Store(db, read_only=True) as store:
            n = export_claims(store, fmt, path, header=header)
        click.echo(f"{_count(n, 'claim')} written to {path}", err=True)
        return
    with Store(db, read_only=True) as store:
        n = write(store, fmt, path, canonical=canonical, header=header, where=where)
    click.echo(f"{_count(n, 'event')} written to {path}", err=True)


@cli.command()
@with_settings("db", "host", "port", "token", "read_only", "allow_host")
def serve(settings: Settings) -> None:
    """Serve the HTTP API (/api, /openapi.json) and the web page (/) over a store."""
    from .api import serve as run_server
    from .guard import Policy

    policy = Policy.for_server(settings.host, settings.port, settings.token, settings.read_only,
                               settings.allow_host)
    run_server(settings.db, settings.host, settings.port, policy)


FIGURES = ["salient_recall", "recall", "recall_strict", "precision", "date_accuracy",
           "quantity_accuracy", "claims_recall", "claim_link_accuracy", "recipient_accuracy",
           "calibration_error"]


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--articles", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder holding the gold articles (repeatable).")
@click.option("--split", type=click.Choice(["tune", "locked"]),
              help="Score one split of an annotated corpus (a folder with split.tsv).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Score only events of at least this confidence (the judge's probability).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--misses", is_flag=True,
              help="Also list the gold events not found (never for the locked split).")
@click.option("--check", "floors", type=click.Path(exists=True, dir_okay=False),
              help="Floors file (JSON); exit 1 if any figure falls below its floor.")
@click.pass_context
def eval_(ctx: click.Context, gold_dir: str, articles: tuple[str, ...], split: str | None,
          min_confidence: float, as_json: bool, misses: bool, floors: str | None) -> None:
    """Score the coder against hand-annotated gold files, or one split of an annotated corpus."""
    from .eval import below_floors, evaluate

    if misses and split == "locked":
        raise click.UsageError("the locked split is scored in aggregate only: no --misses")
    tally = evaluate(gold_dir, articles, split=split, min_confidence=min_confidence)
    figures = tally.figures() | ({"split": split} if split else {})
    if as_json:
        click.echo(json.dumps(figures, indent=1))
    else:
        click.echo(f"{'figure':<20}{'value':>8}")
        for name in FIGURES:
            click.echo(f"{name:<20}{figures[name]:>8.3f}")
        click.echo(f"{figures['articles']} articles, gold events {figures['gold_events']}, "
                   f"predicted {figures['predicted_events']}, gold claims {figures['gold_claims']}")
    if misses:
        for line in tally.misses:
            click.echo(f"missed: {line}")
    if floors:
        low = below_floors(figures, floors)
        for line in low:
            click.echo(f"regression: {line}", err=True)
        ctx.exit(1 if low else 0)


def main() -> None:
    """Console entry point."""
    cli(prog_name="sitroom")
