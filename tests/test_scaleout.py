"""Scale-out: extraction on a Dask LocalCluster (2 workers, 127.0.0.1), written by one client.

The cluster tests use the real factwire components on spaCy's blank English pipeline (no model
package, ~1 s to load per worker) and compare the database with the serial path's, row for row.
"""

from __future__ import annotations

import functools
import json
import os
import socket
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from factwire.article import Article, read_path
from factwire.cli import main
from factwire.errors import InputError
from factwire.pipeline import Extractor
from factwire.scaleout import (
    SHARD_SCHEMA,
    ShardRow,
    check_scheduler_address,
    ingest_distributed,
    load_shards,
    local_client,
    read_shard,
    shard_files,
)
from factwire.scaleout.run import _auto_batch
from factwire.scaleout.shards import extracted_hashes, shard_name, write_shard
from factwire.store import Store

DEMO = Path(__file__).resolve().parents[1] / "src" / "factwire" / "demo"
LIGHT = functools.partial(Extractor, model="blank:en")


class FailingExtractor:
    """The light pipeline, except that a text containing BOOM fails (as a bug would)."""

    def __init__(self):
        self.inner = LIGHT()

    def extract(self, article):
        if "BOOM" in article.text:
            raise ValueError("boom")
        return self.inner.extract(article)


# Short texts (the light pipeline finds forces and quotes in them), so a test takes seconds.
TEXTS = {
    "iraq-troops": 'About 2,500 U.S. troops remain in Iraq, the Pentagon said on Monday. "We are not leaving," '
                   "Defense Secretary Lloyd Austin said.",
    "asad-attack": "Iranian forces fired ballistic missiles at Al Asad Air Base in Iraq on Jan. 8, 2020, the Pentagon "
                   "said. Iran denied that its forces attacked the base.",
    "kabul-blast": "A suicide bomber attacked Hamid Karzai International Airport in Kabul on Aug. 26, 2021, killing 13 "
                   "U.S. service members, officials said.",
    "syria-strike": "U.S. aircraft struck facilities used by Iranian-backed militias in eastern Syria on Feb. 25, 2021, "
                    "President Biden told Congress.",
    "tanf": "A drone attacked the Tanf garrison in Syria on Oct. 20, 2021. About 200 U.S. troops are stationed at Tanf, "
            "a spokesman said.",
    "kabul-copy": "A suicide bomber attacked Hamid Karzai International Airport in Kabul on Aug. 26, 2021, killing 13 "
                  "U.S. service members, officials said on Friday.",
}


def articles(n: int = len(TEXTS)) -> list[Article]:
    return [Article(id=k, text=t, published="2021-09-01") for k, t in list(TEXTS.items())[:n]]


def demo_articles(n: int) -> list[Article]:
    return [read_path(p) for p in sorted(DEMO.glob("*.txt"))[:n]]


def rows(db: Path) -> dict[str, list]:
    """Every stored row that does not depend on when or by which process it was written."""
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": conn.execute(
                "SELECT id, version, sha256, title, url, published, duplicate_of, counts, types, date_lo, date_hi, "
                "actors, countries, places FROM articles ORDER BY id"
            ).fetchall(),
            "versions": conn.execute(
                "SELECT article_id, version, sha256, superseded_at IS NULL, report FROM article_versions "
                "ORDER BY article_id, version"
            ).fetchall(),
            "facts": conn.execute(
                "SELECT id, kind, scope, article_id, seq, types, date_lo, date_hi, actors, countries, places, record "
                "FROM facts ORDER BY id"
            ).fetchall(),
            "parts": conn.execute("SELECT fact_id, part_id, article_id FROM fact_parts ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def serial_db(tmp_path: Path, items, extractor, name: str = "serial.db") -> Path:
    db = tmp_path / name
    with Store.open(db) as store:
        store.ingest(items, extractor)
    return db


@pytest.fixture(scope="module")
def light():
    return LIGHT()


# --- without a cluster --------------------------------------------------------------------


def test_shard_round_trip_keeps_every_column(tmp_path):
    written = [
        ShardRow(seq=3, article_id="b", sha256="2" * 64, url=None, title="B", published="2021-08", report='{"x": 1}',
                 seconds=0.5, worker="tcp://127.0.0.1:1"),
        ShardRow(seq=1, article_id="a", sha256="1" * 64, error="a: extraction failed (ValueError: boom)"),
    ]
    path = write_shard(tmp_path / "shards", shard_name("20260101T000000-abc", 7), written)
    assert path.name == "part-20260101T000000-abc-000007.parquet"
    assert pq.read_schema(path).remove_metadata() == SHARD_SCHEMA.remove_metadata()
    assert read_shard(path) == sorted(written, key=lambda r: r.seq)
    assert extracted_hashes(tmp_path / "shards") == {"2" * 64}  # a failed row is not extracted
    assert [p.name for p in tmp_path.joinpath("shards").iterdir()] == [path.name]  # no temporary left


def test_a_file_that_is_not_a_shard_is_named(tmp_path):
    bad = tmp_path / "part-x.parquet"
    bad.write_text("not parquet")
    with pytest.raises(InputError, match=r"part-x.parquet: not a readable Parquet file"):
        read_shard(bad)
    with pytest.raises(InputError, match="no such folder of shards"):
        shard_files(tmp_path / "missing")


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:8786", "tcp://sched.example:8786", "tls://[::1]:8786"])
def test_scheduler_address_accepted(address):
    assert check_scheduler_address(address) == address


@pytest.mark.parametrize("address", ["127.0.0.1:8786", "tcp://host", "http://h:80", "tcp://h:0", "tcp://h:99999"])
def test_scheduler_address_refused(address):
    with pytest.raises(InputError, match="give tcp://HOST:PORT"):
        check_scheduler_address(address)


def test_batches_give_every_worker_several():
    assert [_auto_batch(n, 2) for n in (0, 1, 4, 8, 9, 100)] == [1, 1, 1, 2, 3, 8]


# --- on a LocalCluster --------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    with local_client(2) as client:
        yield client


def test_local_cluster_listens_on_loopback_only(client):
    info = client.scheduler_info()
    addresses = [info["address"], *info["workers"]]
    assert len(info["workers"]) == 2
    assert all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses
    assert all(w["nthreads"] == 1 for w in info["workers"].values())
    # every socket the scheduler, nannies and workers listen on (their HTTP health endpoints too)
    pids = {os.getpid(), *client.run(os.getpid).values()}
    listening = [c.laddr for pid in pids for c in psutil.Process(pid).net_connections("tcp") if c.status == "LISTEN"]
    assert len(listening) >= 5 and {ip for ip, _ in listening} == {"127.0.0.1"}, listening


def test_distributed_rows_equal_serial_rows(client, tmp_path, light):
    items = articles(4)
    # a bad input, the same text twice under another id, and a changed text under a stored id
    items += [InputError("x.txt: cannot be read", "x"), items[0].model_copy(update={"id": "copy"}),
              items[1].model_copy(update={"text": items[1].text + "\nUpdated."})]
    serial = serial_db(tmp_path, items, light)
    db = tmp_path / "dask.db"
    seen = []
    with Store.open(db) as store:
        summary = ingest_distributed(client, items, store=store, factory=LIGHT, on_progress=seen.append)
    assert (summary.added, summary.unchanged, summary.versioned, len(summary.failed)) == (4, 1, 1, 1)
    assert [p.done for p in seen] == [1, 2, 3, 4, 5, 6, 7]  # one progress per item, in input order
    assert [p.outcome for p in seen] == ["added"] * 4 + ["failed", "unchanged", "versioned"]
    assert rows(db) == rows(serial)
    assert rows(db)["facts"], "the light pipeline finds facts, so the comparison covers them"


def test_stored_items_are_not_sent_again_and_failures_are_per_article(client, tmp_path):
    items = articles(3)
    with Store.open(tmp_path / "a.db") as store:
        ingest_distributed(client, items[:2], store=store, factory=LIGHT)
        boom = Article(id="boom", text="BOOM. Troops moved.")
        summary = ingest_distributed(client, items + [boom], store=store, shards=tmp_path / "s",
                                     factory=FailingExtractor, batch_size=1)
    assert (summary.added, summary.unchanged, len(summary.failed)) == (1, 2, 1)
    assert summary.failed[0].reason == "boom: extraction failed (ValueError: boom); please report this input"
    sent = [r for p in shard_files(tmp_path / "s") for r in read_shard(p)]
    assert [r.article_id for r in sent] == [items[2].ident, "boom"]  # the stored two were skipped


def test_interrupted_run_resumes(client, tmp_path, light):
    items = articles(6)
    db = tmp_path / "r.db"

    def interrupt_after_two(progress):
        if progress.done == 2:
            raise KeyboardInterrupt

    with Store.open(db) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest_distributed(client, items, store=store, factory=LIGHT, batch_size=1, on_progress=interrupt_after_two)
        assert store.stats()["articles"] == 2  # the two written stay, whole
        summary = ingest_distributed(client, items, store=store, shards=tmp_path / "s", factory=LIGHT)
    assert (summary.added, summary.unchanged, len(summary.failed)) == (4, 2, 0)
    assert sum(len(read_shard(p)) for p in shard_files(tmp_path / "s")) == 4
    assert rows(db) == rows(serial_db(tmp_path, items, light))


def test_shards_only_then_loaded_into_a_store(client, tmp_path, light):
    items = articles(4)
    shards = tmp_path / "shards"
    first = ingest_distributed(client, items[:3], shards=shards, factory=LIGHT)
    again = ingest_distributed(client, items, shards=shards, factory=LIGHT)  # resumes from the shards
    assert (first.added, again.added, again.unchanged) == (3, 1, 3)
    db = tmp_path / "loaded.db"
    with Store.open(db) as store:
        loaded = load_shards(store, shards)
        reloaded = load_shards(store, shards)
    assert (loaded.added, reloaded.unchanged) == (4, 4)
    assert rows(db) == rows(serial_db(tmp_path, items, light))


def test_cli_workers_then_from_shards(client, tmp_path, monkeypatch):
    """--workers N (here: the module's cluster stands in for the one the CLI would start) with
    --shards only, then --from-shards into a database."""
    @contextmanager
    def the_module_cluster(workers):
        assert workers == 2
        yield client

    monkeypatch.setattr("factwire.scaleout.local_client", the_module_cluster)
    monkeypatch.setattr("factwire.scaleout.worker.default_factory", LIGHT)
    paths = []
    for article in articles(2):
        paths.append(tmp_path / f"{article.id}.txt")
        paths[-1].write_text(article.text, encoding="utf-8")
    shards = tmp_path / "s"
    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "--workers", "2", "--shards", str(shards)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"{shards}: 2 added, 0 unchanged, 0 versioned, 0 failed"]
    assert "Dask cluster ready in" in result.stderr
    db = tmp_path / "f.db"
    result = CliRunner().invoke(main, ["ingest", "--from-shards", str(shards), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"{db}: 2 added, 0 unchanged, 0 versioned, 0 failed"]


def test_cli_scheduler_address(client, tmp_path, monkeypatch):
    monkeypatch.setattr("factwire.scaleout.worker.default_factory", LIGHT)
    text = tmp_path / "tanf.txt"
    text.write_text(TEXTS["tanf"], encoding="utf-8")
    db = tmp_path / "d.db"
    args = ["ingest", str(text), "--db", str(db), "--scheduler", client.scheduler.address]
    first, again = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert (first.exit_code, again.exit_code) == (0, 0), first.output
    assert first.stdout == f"{db}: 1 added, 0 unchanged, 0 versioned, 0 failed\n"
    assert again.stdout == f"{db}: 0 added, 1 unchanged, 0 versioned, 0 failed\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["a.txt", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "give --workers N (a local cluster) or --scheduler tcp://HOST:PORT, not both"),
        (["a.txt", "--shards", "s"], "--shards DIR needs --workers N or --scheduler tcp://HOST:PORT"),
        (["a.txt", "--from-shards", "s"], "--from-shards DIR loads shards into --db: give no PATHs, --jsonl, --workers, --scheduler or --shards with it"),
        (["a.txt", "--workers", "0"], "0: give 1 or more workers"),
        (["a.txt", "--scheduler", "localhost:8786"], "not a scheduler address"),
    ],
)
def test_cli_refuses_option_mixes(args, message):
    result = CliRunner().invoke(main, ["ingest", *args])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_cli_from_missing_shards_folder(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "--from-shards", str(tmp_path / "none"), "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2
    assert "no such folder of shards" in result.output


def test_cli_unreachable_scheduler_is_a_clear_error(tmp_path):
    with socket.socket() as probe:  # a free port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    text = tmp_path / "a.txt"
    text.write_text("Troops moved.", encoding="utf-8")
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = CliRunner().invoke(main, ["ingest", str(text), "--db", str(tmp_path / "d.db"),
                                           "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 2, result.output
    assert f"--scheduler tcp://127.0.0.1:{port}: cannot connect" in result.output


@pytest.mark.model
def test_real_pipeline_on_two_demo_texts(extractor, client, tmp_path):
    items = demo_articles(2)
    serial = tmp_path / "serial.db"
    with Store.open(serial) as store:
        store.ingest(items, extractor)
    db = tmp_path / "dask.db"
    with Store.open(db) as store:
        summary = ingest_distributed(client, items, store=store)  # the default: the full pipeline
    assert (summary.added, len(summary.failed)) == (2, 0)
    assert rows(db) == rows(serial)
    assert json.loads(rows(db)["articles"][0][7])["events"] >= 0
