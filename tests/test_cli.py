"""The CLI: exact output and exit codes (the pipeline is loaded once for the session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwire import cli
from factwire.schema import Report, json_schema

pytestmark = pytest.mark.model


@pytest.fixture
def runner(monkeypatch, extractor):
    monkeypatch.setattr(cli, "_extractor", lambda: extractor)
    return CliRunner()


def test_schema_prints_the_contract(runner):
    result = runner.invoke(cli.main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    assert json.loads(result.stdout)["properties"]["schema_version"]["const"] == 1


def test_extract_one_file_prints_one_report(runner, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("WASHINGTON – The Pentagon said Monday that 2,500 U.S. troops will stay in Iraq.\n", encoding="utf-8")
    result = runner.invoke(cli.main, ["extract", str(story), "--published", "2021-12-06"])
    assert result.exit_code == 0, result.output
    report = Report.model_validate_json(result.stdout)
    assert report.article.id == "story"
    assert report.article.published == "2021-12-06"
    assert report.article.dateline == "WASHINGTON"
    assert report.article.text == story.read_text(encoding="utf-8")
    assert result.stderr.strip() == "factwire: 1 article(s) extracted, 0 failed, in " + result.stderr.split(" in ")[-1].strip()


def test_extract_jsonl_one_line_out_per_line_in_order(runner, tmp_path: Path):
    lines = [
        json.dumps({"id": "first", "text": "Iran fired a missile at the base on Tuesday.", "published": "2020-01-08"}),
        "{broken",
        json.dumps({"id": "third", "text": "NATO will expand its mission in Iraq."}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli.main, ["extract", "--jsonl", str(source)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["article"]["id"] for o in out] == ["first", None, "third"]
    assert out[1] == {"article": {"id": None}, "error": f"{source}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"}
    assert out[0]["article"]["published"] == "2020-01-08" and out[2]["article"]["published"] is None
    assert "factwire: 2 article(s) extracted, 1 failed" in result.stderr


def test_extract_jsonl_from_stdin(runner):
    line = json.dumps({"id": "s1", "text": "Troops left Kabul in August.", "published": "2021-09-01"})
    result = runner.invoke(cli.main, ["extract", "--jsonl", "-"], input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["id"] == "s1"


def test_extract_missing_file_goes_on_and_fails(runner, tmp_path: Path):
    story = tmp_path / "ok.txt"
    story.write_text("Troops left.", encoding="utf-8")
    result = runner.invoke(cli.main, ["extract", str(tmp_path / "nope.txt"), str(story), "--format", "jsonl"])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == {"article": {"id": "nope"}, "error": f"{tmp_path / 'nope.txt'}: no such file or folder"}
    assert out[1]["article"]["id"] == "ok"


def test_extract_several_files_as_json_is_one_array(runner, tmp_path: Path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Troops left.", encoding="utf-8")
    result = runner.invoke(cli.main, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert [r["article"]["id"] for r in json.loads(result.stdout)] == ["a", "b"]


def test_extract_bad_date_is_a_usage_error(runner, tmp_path: Path):
    result = runner.invoke(cli.main, ["extract", "x.txt", "--published", "someday"])
    assert result.exit_code == 2
    assert "--published: cannot read 'someday' as a date; give it as YYYY-MM-DD" in result.stderr


def test_extract_needs_input(runner):
    result = runner.invoke(cli.main, ["extract"])
    assert result.exit_code == 2
    assert "give one or more PATHs (or - for stdin), or --jsonl FILE" in result.stderr


def test_extract_markdown(runner, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("---\ntitle: Troops\n---\nThe Pentagon said troops left.\n", encoding="utf-8")
    result = runner.invoke(cli.main, ["extract", str(story), "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("## Troops\n\n**Forces** (")


def test_eval_bad_gold_file_is_a_clear_error(runner, tmp_path: Path):
    gold = tmp_path / "gold.json"
    gold.write_text("[]", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    result = runner.invoke(cli.main, ["eval", "seed", str(gold), str(article)])
    assert result.exit_code == 2
    assert f"{gold}: a gold file is a JSON object with 'article' and fact lists" in result.stderr


def test_every_command_has_help_with_an_example(runner):
    for command in ("extract", "schema", "eval", "demo"):
        result = runner.invoke(cli.main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.stdout, command
