"""`factwire ingest` and the query commands through click's CliRunner: exact output, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwire import cli_store
from factwire.article import Article
from factwire.cli import main
from factwire.schema import ArticleMeta, Report
from factwire.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
HANDMADE = [Report.model_validate_json(line) for line in (FIXTURES / "store_handmade.jsonl").read_text().splitlines()]


class Stub:
    """Stands in for the model: the fixture Report of a known text; raises `exc` on call `raise_on`."""

    def __init__(self, raise_on: int | None = None, exc: BaseException | None = None):
        self.calls = 0
        self.raise_on, self.exc = raise_on, exc

    def extract(self, item: Article) -> Report:
        self.calls += 1
        if self.calls == self.raise_on:
            raise self.exc
        for report in HANDMADE:
            if report.article.sha256 == item.sha256:
                meta = report.article.model_copy(update={"id": item.ident, "published": item.published})
                return report.model_copy(update={"article": meta})
        return Report(article=ArticleMeta(id=item.ident, text=item.text, sha256=item.sha256))


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def texts(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for report in HANDMADE:
        (folder / f"{report.article.id}.txt").write_text(report.article.text, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    with Store.open(path) as store:
        for report in HANDMADE:
            store.add_report(report)
    return str(path)


def use_stub(monkeypatch, stub: Stub) -> Stub:
    monkeypatch.setattr(cli_store, "_load_extractor", lambda: stub)
    return stub


# --- ingest ------------------------------------------------------------------------------------

def test_ingest_a_folder_then_again(runner, texts, tmp_path, monkeypatch):
    stub = use_stub(monkeypatch, Stub())
    db = tmp_path / "f.db"
    result = runner.invoke(main, ["ingest", str(texts), "--db", str(db), "--published", "2021-12-09"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{db}: 3 added, 0 unchanged, 0 versioned, 0 failed\n"
    assert "factwire: 3/3 articles (100%)" in result.stderr
    assert stub.calls == 3

    result = runner.invoke(main, ["ingest", str(texts), "--db", str(db)])
    assert (result.exit_code, result.stdout) == (0, f"{db}: 0 added, 3 unchanged, 0 versioned, 0 failed\n")
    assert stub.calls == 3

    (texts / "ap-c.txt").write_text("Kabul airport reopened on Friday.", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(texts), "--db", str(db)])
    assert (result.exit_code, result.stdout) == (0, f"{db}: 0 added, 2 unchanged, 1 versioned, 0 failed\n")


def test_ingest_reports_failures_and_exits_1(runner, texts, tmp_path, monkeypatch):
    use_stub(monkeypatch, Stub(raise_on=2, exc=RuntimeError("boom")))
    db = tmp_path / "f.db"
    missing = tmp_path / "gone.txt"
    result = runner.invoke(main, ["ingest", str(texts), str(missing), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{db}: 2 added, 0 unchanged, 0 versioned, 2 failed\n"
        "failed: wire-a: extraction failed (RuntimeError: boom); please report this input\n"
        f"failed: {missing}: no such file or folder\n"
    )


def test_ingest_jsonl_from_stdin(runner, tmp_path, monkeypatch):
    use_stub(monkeypatch, Stub())
    lines = "".join(json.dumps({"id": r.article.id, "text": r.article.text, "published": r.article.published}) + "\n" for r in HANDMADE)
    db = tmp_path / "j.db"
    result = runner.invoke(main, ["ingest", "--jsonl", "-", "--db", str(db)], input=lines + "{oops\n")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{db}: 3 added, 0 unchanged, 0 versioned, 1 failed\n"
        "failed: <stdin>:4: not valid JSON (Expecting property name enclosed in double quotes at column 2)\n"
    )
    with Store.open(db) as store:
        assert [a.published for a in store.articles().items] == ["2021-08-26", "2021-12-09", "2021-12-09"]


def test_ctrl_c_stops_cleanly_and_says_how_to_resume(runner, texts, tmp_path, monkeypatch):
    use_stub(monkeypatch, Stub(raise_on=3, exc=KeyboardInterrupt()))
    db = tmp_path / "f.db"
    result = runner.invoke(main, ["ingest", str(texts), "--db", str(db)])
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr.endswith(
        f"factwire: interrupted; every article stored so far is complete in {db}. "
        "Run the same command again to resume (stored articles are skipped).\n"
    )
    use_stub(monkeypatch, Stub())
    result = runner.invoke(main, ["ingest", str(texts), "--db", str(db)])
    assert (result.exit_code, result.stdout) == (0, f"{db}: 1 added, 2 unchanged, 0 versioned, 0 failed\n")


def test_ingest_needs_an_input(runner, tmp_path):
    result = runner.invoke(main, ["ingest", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "give one or more PATHs (or - for stdin), or --jsonl FILE" in result.stderr


# --- queries ------------------------------------------------------------------------------------

EVENTS_TABLE = """\
id                   date        type       actor           place          art  evidence
-------------------  ----------  ---------  --------------  -------------  ---  ----------------------------------------
ce-3290cd7346e6c8f8  2021-08-26  ASSAULT                    Kabul          1    Two suicide bombers attacked Kabul airp…
ce-e38d7f8fff62c3c9  2021-12-06  ASSAULT                    Erbil          2    Rockets hit Erbil on Monday, killing tw…
2 of 2 events
"""

FORCES_TABLE = """\
id                      date        owner          count     force    status   place        evidence
----------------------  ----------  -------------  --------  -------  -------  -----------  ----------------------------
wire-a/f1               2021-12-09  United States  ~2,500    troops   current  Iraq         About 2,500 U.S. troops wil…
wire-b/f1               2021-12-09  United States  2,000     troops   current  Iraq         The U.S. has 2,000 troops i…
2 of 2 forces
"""

QUOTES_TABLE = """\
id                        date        speaker             kind      text
------------------------  ----------  ------------------  --------  ----------------------------------------------------
wire-a/qt1                2021-12-09  Frank McKenzie      direct    We will keep them there,
1 of 1 quotes
"""

CLAIMS_TABLE = """\
id                        date        stance   source            about_event          evidence
------------------------  ----------  -------  ----------------  -------------------  ----------------------------------
wire-a/c1                 2021-12-09  denies   Iran              ce-e38d7f8fff62c3c9  Iran denied any role in the attac…
1 of 1 claims
"""

CONFLICTS_TABLE = """\
id                        scope    kind         items                                     note
------------------------  -------  -----------  ----------------------------------------  ------------------------------
cx-004e8953bae43c1e       corpus   count        about 2,500 troops (current, 2021-12-09…  sources disagree on USA troop…
1 of 1 conflicts
"""

ARTICLES_TABLE = """\
id                            published   v    outlet          duplicate_of  title
----------------------------  ----------  ---  --------------  ------------  -------------------------------------------
ap-c                          2021-08-26  1    AP                            Bombers attack Kabul airport
wire-a                        2021-12-09  1    Wire A                        U.S. to keep troops in Iraq
wire-b                        2021-12-09  1    Wire B                        Rockets strike Erbil
3 of 3 articles
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["events"], EVENTS_TABLE),
        (["forces", "--country", "irq"], FORCES_TABLE),
        (["quotes", "--actor", "McKenzie"], QUOTES_TABLE),
        (["claims", "--type", "denies"], CLAIMS_TABLE),
        (["conflicts", "--article", "wire-a"], CONFLICTS_TABLE),
        (["articles"], ARTICLES_TABLE),
        (["events", "--country", "SYR"], "0 of 0 events\n"),
        (["quotes", "--limit", "1"], QUOTES_TABLE.replace("wire-a/qt1                2021-12-09  Frank McKenzie      direct    We will keep them there,", "ap-c/qt1                  2021-08-26  Joe Biden           direct    We will hunt you down.").replace("1 of 1 quotes", "1 of 2 quotes; next page: --offset 1")),
    ],
)
def test_query_tables(runner, db, args, expected):
    result = runner.invoke(main, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    assert all(len(line) <= 120 for line in result.stdout.splitlines())


def test_query_json_is_the_records(runner, db):
    result = runner.invoke(main, ["events", "--db", db, "--text", "rockets", "--format", "json"])
    assert result.exit_code == 0
    [event] = json.loads(result.stdout)
    with Store.open(db) as store:
        assert event == store.fact(event["id"]).model_dump(mode="json")
    assert [m["id"] for m in event["mentions"]] == ["wire-a/e1", "wire-b/e1"]


def test_query_csv_has_flat_columns(runner, db):
    result = runner.invoke(main, ["forces", "--db", db, "--format", "csv", "--since", "2021-12-01", "--until", "2021-12-31"])
    assert result.exit_code == 0
    assert result.stdout == (
        "id,date,owner,owner_country,count_value,count_bound,count_max,force,status,place,place_country,lat,lon,"
        "article_id,start,end,evidence\n"
        "wire-a/f1,2021-12-09,United States,USA,2500,approx,,troops,current,Iraq,IRQ,33.0,44.0,wire-a,28,51,"
        '"About 2,500 U.S. troops will stay in Iraq, Gen. Frank McKenzie said on Thursday."\n'
        "wire-b/f1,2021-12-09,United States,USA,2000,exact,,troops,current,Iraq,IRQ,33.0,44.0,wire-b,73,106,"
        '"The U.S. has 2,000 troops in Iraq, a spokesman said."\n'
    )
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["events", "--db", db, "--format", "csv"]).stdout)))
    assert [(r["place"], r["acled_sub_event_type"], r["articles"]) for r in rows] == [
        ("Kabul", "Suicide bomb", "1"),
        ("Erbil", "Shelling/artillery/missile attack", "2"),
    ]


def test_a_query_on_a_missing_database_says_to_ingest_first(runner, tmp_path):
    missing = tmp_path / "none.db"
    result = runner.invoke(main, ["events", "--db", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {missing}: no such database; create it first with 'factwire ingest PATH... --db {missing}'\n"
    )
    assert not missing.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "Error: --since: cannot read 'yesterday' as a date; give it as YYYY-MM-DD (or YYYY-MM, YYYY)\n"),
        (["--until", "2021-02-30"], "Error: --until: cannot read '2021-02-30' as a date; give it as YYYY-MM-DD (or YYYY-MM, YYYY)\n"),
    ],
)
def test_bad_filters_exit_2(runner, db, args, message):
    result = runner.invoke(main, ["quotes", "--db", db, *args])
    assert (result.exit_code, result.stderr) == (2, message)


def test_every_query_command_has_help_with_an_example(runner):
    for name in ("ingest", "articles", "events", "forces", "quotes", "claims", "conflicts"):
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output and "--db" in result.output
