"""`sim eval grader` and `sim grade` through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from sim.cli import cli
from sim.core.grading import GRADER_VERSION

PERSONA = {"name": "Elena Vasquez", "role": "Head of support", "event": "CX Summit", "card": "Ticket volume tripled after an outage."}
CONTEXT = [{"speaker": "persona", "text": "Since the outage our tickets tripled, and I lost two of my best agents."}]
CASES = [
    ("c1", "Tripled, and two good people gone at once — that sounds brutal. How is the team holding up?", (3, 0, 0)),
    ("c2", "Our chatbot closes half of those tickets. Can we book a demo next week?", (0, 0, 3)),
    ("c3", "cool", (1, 0, 0)),
    ("c4", "You should meet Marcus Lee, he rebuilt support at Skyway after their outage. I'll introduce you tonight.", (2, 3, 0)),
]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_cases(path: Path, labeled: bool = True) -> Path:
    lines = []
    for case_id, turn, (lis, hlp, pit) in CASES:
        row = {"id": case_id, "persona": PERSONA, "context": CONTEXT, "user_turn": turn}
        if labeled:
            row["labels"] = {"listening": lis, "helpfulness": hlp, "pitching": pit}
            row["why"] = "test"
        lines.append(json.dumps(row))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_eval_grader_prints_agreement_per_axis(tmp_path):
    result = run("eval", "grader", str(write_cases(tmp_path / "tiny.jsonl")), "--no-embeddings")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "4 cases, 4 labeled" in out
    for word in ("listening", "helpfulness", "pitching", "spearman", "within1", "F1(>=2)", "confusion", "p95"):
        assert word in out
    assert "1.000" in out  # this tiny file is graded exactly


def test_eval_grader_json_has_the_same_report(tmp_path):
    result = run("eval", "grader", str(write_cases(tmp_path / "tiny.jsonl")), "--json", "--no-embeddings")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert set(report) == {"grader_version", "file", "cases", "labeled", "axes", "time_ms", "embeddings"}
    assert report["grader_version"] == GRADER_VERSION and report["embeddings"] is None
    assert report["cases"] == report["labeled"] == 4
    assert set(report["axes"]) == {"listening", "helpfulness", "pitching"}
    for axis in report["axes"].values():
        assert set(axis) == {"n", "exact", "within_one", "spearman", "high", "confusion"}
        assert set(axis["high"]) == {"precision", "recall", "f1", "support"}
        assert len(axis["confusion"]) == 4 and all(len(row) == 4 for row in axis["confusion"])
        assert sum(map(sum, axis["confusion"])) == 4
    assert report["axes"]["pitching"]["exact"] == 1.0
    assert 0 <= report["time_ms"]["p50"] <= report["time_ms"]["p95"]


def test_eval_grader_writes_predictions_one_line_per_case(tmp_path):
    out = tmp_path / "predictions.jsonl"
    result = run("eval", "grader", str(write_cases(tmp_path / "tiny.jsonl", labeled=False)), "--predictions", str(out), "--no-embeddings")
    assert result.exit_code == 0
    assert "no labels" in result.stdout
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["id"] for row in rows] == ["c1", "c2", "c3", "c4"]
    for row, (_, turn, _) in zip(rows, CASES):
        assert set(row) == {"id", "listening", "helpfulness", "pitching", "evidence", "tip"}
        assert row["tip"]
        for item in row["evidence"]:
            assert turn[item["start"] : item["end"]] == item["quote"]
    assert rows[1]["pitching"] == 3


def test_eval_grader_rejects_a_malformed_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "a", "persona": PERSONA, "context": [], "user_turn": "hi"})
    for body, problem in [
        (good + "\n{not json\n", "bad.jsonl:2: not valid JSON"),
        (good + "\n" + json.dumps({"id": "b", "persona": PERSONA, "user_turn": "x", "labels": {"listening": 9}}) + "\n", "bad.jsonl:2: labels.listening"),
        ("", "bad.jsonl: no cases"),
    ]:
        bad.write_text(body)
        result = run("eval", "grader", str(bad))
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith("sim: ") and problem in result.stderr
    assert run("eval", "grader", str(tmp_path / "absent.jsonl")).exit_code == 2


def test_a_malformed_file_gives_no_traceback_from_the_real_entry_point(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n")
    proc = subprocess.run([sys.executable, "-m", "sim", "eval", "grader", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"sim: {bad}:1: expected a JSON object"


def test_grade_one_turn_shows_levels_evidence_and_tip():
    result = run(
        "grade",
        "--context", "Since the outage our tickets tripled, and I lost two of my best agents.",
        "--text", "Tripled, and two good people gone at once. How is the team holding up?",
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("listening ") and "pitching 0" in lines[0]
    assert any("follow_up" in line and '"How is the team holding up?"' in line for line in lines)
    assert lines[-1].startswith("tip: ")


def test_grade_json_and_a_built_in_persona():
    result = run(
        "grade", "--persona", "theo-green-room", "--json",
        "--context", "Honestly the hard part is internships, I've sent out about forty applications and heard nothing back.",
        "--text", "Want me to pass your resume to my team lead at Northwind, Sofia Reyes? She hires two interns every summer.",
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["helpfulness"] == 3 and "Theo" in data["tip"]


def test_grade_errors_are_one_line():
    missing = run("grade")
    assert missing.exit_code == 2 and missing.stderr.startswith("sim: give a transcript FILE")
    unknown = run("grade", "--persona", "no-such-person", "--text", "hi")
    assert unknown.exit_code == 2 and len(unknown.stderr.strip().splitlines()) == 1


V1 = Path(__file__).parent / "data" / "transcripts" / "v1_session.jsonl"


def test_grade_file_regrades_every_user_turn_and_says_what_changed():
    result = run("grade", str(V1), "--no-embeddings", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    assert rows and all({"turn_id", "old", "new", "changed"} <= set(row) for row in rows)
    text = run("grade", str(V1), "--no-embeddings")
    assert text.exit_code == 0 and "user turns changed" in text.stdout


def test_grade_file_errors_are_one_line(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text("not json\n")
    before = broken.read_bytes()
    result = run("grade", str(broken), "--no-embeddings")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert broken.read_bytes() == before
    both = run("grade", str(V1), "--text", "hi")
    assert both.exit_code == 2 and "or --text" in both.stderr
