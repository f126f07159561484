"""``manage.py rank_scores``: CSV in, CSV out, one clear line for bad input, no database."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from judging.engine.ranking.simulation import panel

CRITERIA = "criterion,weight,min,max,threshold\nvalue,1,0,10,6.75\nimplementation,1,0,10,\n"
# Two criteria of equal weight on 0-10, so a review's total is 5 · (value + implementation):
#        J1               J2
# E1   8, 8 -> 80      9, 9 -> 90     mean 85
# E2   4, 6 -> 50      9, 9 -> 90     mean 70, spread 40, value mean 6.5 < 6.75
# E3   6, 6 -> 60      8, 8 -> 80     mean 70, spread 20, value mean 7
SCORES = """entry,judge,criterion,score
E1,J1,value,8
E1,J1,implementation,8
E2,J1,value,4
E2,J1,implementation,6
E3,J1,value,6
E3,J1,implementation,6
E1,J2,value,9
E1,J2,implementation,9
E2,J2,value,9
E2,J2,implementation,9
E3,J2,value,8
E3,J2,implementation,8
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = folder / name
    path.write_text(text, encoding=encoding)
    return str(path)


def run(scores: str, criteria: str, *options: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("rank_scores", "--scores", scores, "--criteria", criteria, *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    return write(tmp_path, "scores.csv", SCORES), write(tmp_path, "criteria.csv", CRITERIA)


def test_additive_calibrated_ranking_as_csv(files):
    # Every judge sees every entry, so q_k is the entry mean; b = μ_j - μ̄ = ∓11.667. Residuals
    # x - q - b: J1 +6.667, -8.333, +1.667 (J2 the opposite) -> RSS 233.33, df = 6 - 3 - 2 + 1 = 2,
    # s² = 116.67, se² = s²/2 = 58.33, se = 7.638; t(0.95, 2) = 2.920 -> ± 22.30.
    # E2 and E3 tie at 70: E3 has the higher value mean (7 against 6.5).
    out, err = run(*files, "--method", "calibrated_additive")
    assert out == (
        "rank,entry,score,ci_low,ci_high,n_reviews,disagreement,place,flags\n"
        "1,E1,85.00,62.70,107.30,2,10.00,,\n"
        "2,E3,70.00,47.70,92.30,2,20.00,,\n"
        "3,E2,70.00,47.70,92.30,2,40.00,,disagreement;below:value;tie:criterion:value\n"
    )
    assert err == ""


def test_other_methods_and_options(files):
    out, _ = run(*files, "--method", "median", "--tie-breaks", "criterion:implementation, more_reviews")
    assert out.splitlines()[1:] == [
        "1,E1,85.00,,,2,10.00,,",
        "2,E2,70.00,,,2,40.00,,disagreement;below:value",  # implementation means 7.5 against 7
        "3,E3,70.00,,,2,20.00,,tie:criterion:implementation",
    ]
    out, _ = run(*files, "--method", "mean", "--disagreement", "15")
    assert out.splitlines()[2:] == [
        "2,E3,70.00,,,2,20.00,,disagreement",
        "3,E2,70.00,,,2,40.00,,disagreement;below:value;tie:criterion:value",
    ]


def test_disconnected_design_flags_components_and_warns(tmp_path):
    scores = write(
        tmp_path,
        "scores.csv",
        "entry,judge,criterion,score\nE1,J1,value,8\nE1,J1,implementation,8\nE2,J2,value,6\nE2,J2,implementation,6\n",
    )
    out, err = run(scores, write(tmp_path, "criteria.csv", CRITERIA), "--tie-breaks", "entry")
    assert out.splitlines()[1:] == [
        "1,E1,80.00,,,1,0.00,,component:1",
        "2,E2,60.00,,,1,0.00,,below:value;component:2",
    ]
    assert err.splitlines() == [
        "warning: disconnected",
        "warning: gain_few_reviews:J1",
        "warning: gain_few_reviews:J2",
        "warning: interval_unavailable",
    ]


def test_byte_order_mark_and_spreadsheet_formulas(tmp_path):
    scores = write(
        tmp_path, "scores.csv", "\ufeffentry,judge,criterion,score\n=E1,J1,value,8\n=E1,J1,implementation,8\n"
    )
    out, _ = run(scores, write(tmp_path, "criteria.csv", "\ufeff" + CRITERIA), "--method", "mean")
    assert out.splitlines()[1] == "1,'=E1,80.00,,,1,0.00,,"


@pytest.mark.parametrize(
    ("scores_text", "criteria_text", "message"),
    [
        (
            SCORES.replace("E3,J2,value,8", "E3,J2,impact,8"),
            CRITERIA,
            '{scores} row 12: criterion "impact" is not in {criteria}',
        ),
        (
            SCORES.replace("E1,J1,value,8", "E1,J1,value,11"),
            CRITERIA,
            '{scores} row 2: score 11 is outside the scale 0-10 of criterion "value"',
        ),
        (SCORES.replace("E1,J1,value,8", "E1,J1,value,high"), CRITERIA, '{scores} row 2: score "high" is not a number'),
        (SCORES.replace("E1,J1,value,8", "E1,J1,value,nan"), CRITERIA, '{scores} row 2: score "nan" is not a number'),
        (SCORES.replace("E1,J1,value,8", "E1,J1,value,"), CRITERIA, '{scores} row 2: no value for "score"'),
        (SCORES.replace("E1,J1,value,8", ",J1,value,8"), CRITERIA, '{scores} row 2: no value for "entry"'),
        (
            SCORES.replace("E2,J1,value,4", "E2,J1,implementation,4"),
            CRITERIA,
            '{scores} row 5: entry "E2" has two scores from judge "J1" on criterion "implementation"',
        ),
        (
            SCORES.replace("E2,J2,value,9\n", ""),
            CRITERIA,
            '{scores} row 10: the review of entry "E2" by judge "J2" has no score for criterion "value"',
        ),
        (
            SCORES.replace("entry,judge,criterion,score", "entry,judge,criterion,points"),
            CRITERIA,
            '{scores} row 1: missing column "score"',
        ),
        (
            SCORES.replace("entry,judge,criterion,score", "entry,criterion"),
            CRITERIA,
            '{scores} row 1: missing columns "judge", "score"',
        ),
        ("", CRITERIA, "{scores}: the file is empty"),
        ("entry,judge,criterion,score\n\n", CRITERIA, "{scores}: no data rows after the header"),
        (
            SCORES,
            "criterion,weight,min,max\nvalue,1,0,10\nvalue,2,0,5\n",
            '{criteria} row 3: criterion "value" is listed twice',
        ),
        (SCORES, "criterion,weight,min,max\nvalue,heavy,0,10\n", '{criteria} row 2: weight "heavy" is not a number'),
        (
            SCORES,
            "criterion,weight,min,max\nvalue,1,0,10\nimplementation,1,10,10\n",
            '{criteria} row 3: criterion "implementation" needs max above min',
        ),
        (
            SCORES,
            "criterion,weight,min,max\nvalue,0,0,10\n",
            '{criteria} row 2: criterion "value" needs a weight above 0',
        ),
        (SCORES, "criterion,weight,max\nvalue,1,10\n", '{criteria} row 1: missing column "min"'),
    ],
)
def test_bad_input_names_the_file_and_row(tmp_path, scores_text, criteria_text, message):
    scores = write(tmp_path, "scores", scores_text)
    criteria = write(tmp_path, "criteria", criteria_text)
    with pytest.raises(CommandError) as caught:
        run(scores, criteria)
    assert str(caught.value) == message.format(scores=scores, criteria=criteria)


def test_unreadable_files(tmp_path, files):
    _, criteria = files
    missing = str(tmp_path / "nowhere.csv")
    with pytest.raises(CommandError, match=f"^{missing}: cannot open the file \\(No such file or directory\\)$"):
        run(missing, criteria)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("entry,judge,criterion,score\nCafé,J1,value,8\n".encode("latin-1"))
    with pytest.raises(CommandError) as caught:
        run(str(latin), criteria)
    assert str(caught.value) == f"{latin} row 2: not UTF-8 text"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--tie-breaks", "criterion:value,fastest"), '--tie-breaks: "fastest" is not a tie-break rule'),
        (("--ridge", "-1"), "--ridge: the ridge λ must be a number ≥ 0"),
        (("--ridge", "0"), "--ridge: the calibrated method needs a ridge λ above 0 (calibrated_additive accepts 0)"),
        (("--cutoff", "0"), "--cutoff: the cut-off must be 1 or more"),
    ],
)
def test_bad_options_stop_with_one_line_naming_the_option(files, options, message):
    with pytest.raises(CommandError) as caught:
        run(*files, *options)
    assert str(caught.value) == message


def test_judges_of_different_scale_and_settled_places(tmp_path):
    """The default method on a simulated panel (60 entries, 8 judges, 3 per entry): the place column agrees
    with the intervals printed beside it, and every kind of place occurs at a cut-off of 10."""
    simulated = panel(3, entries=60, judges=8)
    scores = write(
        tmp_path,
        "scores.csv",
        "entry,judge,criterion,score\n"
        + "".join(f"{s.entry},{s.judge},{s.criterion},{s.score:g}\n" for s in simulated.scores),
    )
    criteria = write(
        tmp_path,
        "criteria.csv",
        "criterion,weight,min,max\n" + "".join(f"{c.code},1,1,10\n" for c in simulated.criteria),
    )
    out, err = run(scores, criteria, "--cutoff", "10")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 60
    assert err == ""
    highest_outside = max(float(row["ci_high"]) for row in rows[10:])
    lowest_inside = min(float(row["ci_low"]) for row in rows[:10])
    for row in rows:
        low, high = float(row["ci_low"]), float(row["ci_high"])
        if int(row["rank"]) <= 10:
            assert row["place"] == ("settled_in" if low > highest_outside else "too_close")
        else:
            assert row["place"] == ("settled_out" if high < lowest_inside else "too_close")
    assert {row["place"] for row in rows} == {"settled_in", "settled_out", "too_close"}


def test_help_describes_the_models_without_pointing_at_files(capsys):
    with pytest.raises(SystemExit):
        call_command("rank_scores", "--help")
    text = " ".join(capsys.readouterr().out.split())
    for words in ("a bias and a gain per judge", "calibrated_additive", "settled_in", "too_close", "--cutoff"):
        assert words in text
    assert "judging/" not in text
    assert ".py" not in text


def test_command_line_exit_status_and_single_error_line(tmp_path, files):
    _, criteria = files
    bad = write(tmp_path, "bad.csv", SCORES.replace("E1,J1,value,8", "E1,J1,value,11"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "prize_portal.settings.test"}
    manage = str(Path(__file__).resolve().parents[3] / "manage.py")
    done = subprocess.run(
        [sys.executable, manage, "rank_scores", "--scores", bad, "--criteria", criteria],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f'CommandError: {bad} row 2: score 11 is outside the scale 0-10 of criterion "value"\n'
