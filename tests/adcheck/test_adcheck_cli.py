"""The check-ad command: exit codes, JSON shape, stdin."""

import io
import json

import pytest

from reilu.adcheck import cli

CLEAN = """Kirjanpitäjä

Tilipalvelu Aamurusko Oy, Oulu

Tehtävät
- pk-yritysten kirjanpito ja arvonlisäverotus
- tilinpäätösten valmistelu

Palkka 2 900–3 400 €/kk.

Lisätietoja antaa talousjohtaja Kaisa Lindroos, puh. 044 555 1234.

Hae 28.2.2027 mennessä. Haastattelut pidetään viikolla 10.
"""
BAD = "Myyntimies\n\nKilpailukykyinen palkka. Hae heti!\n"


@pytest.fixture
def ad_file(tmp_path):
    def write(content, name="ad.txt"):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return str(path)

    return write


def test_it_exits_0_without_errors(ad_file, capsys):
    assert cli.main([ad_file(CLEAN)]) == 0
    assert "no findings" in capsys.readouterr().out


def test_it_exits_1_with_errors_and_prints_one_line_per_finding(ad_file, capsys):
    assert cli.main([ad_file(BAD)]) == 1
    out = capsys.readouterr().out
    assert "warning gendered-title: " in out and '"Myyntimies"' in out
    assert "error   vague-salary: " in out


def test_it_prints_the_documented_json_shape(ad_file, capsys):
    assert cli.main([ad_file(BAD), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"language", "advice_language", "findings", "score"}
    assert data["language"] == "fi" and isinstance(data["score"], int)
    for f in data["findings"]:
        assert set(f) == {"code", "severity", "message", "start", "end"}
    title = [f for f in data["findings"] if f["code"] == "gendered-title"][0]
    assert (title["start"], title["end"]) == (0, 10)


def test_it_reads_stdin_with_a_dash(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    assert cli.main(["-", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["language"] == "fi"


def test_it_checks_a_json_object_as_a_posting(ad_file, capsys):
    posting = {
        "title": "Kirjanpitäjä",
        "organization": "Tilipalvelu Aamurusko Oy",
        "location": "Oulu",
        "description": "Kirjanpitoa pk-yrityksille.",
        "duties": [{"duty": "kirjanpito", "percent": 100}],
        "pay_min": 2900,
        "pay_max": 3400,
        "pay_currency": "EUR",
        "pay_period": "MONTH",
        "contact_name": "Kaisa Lindroos",
        "contact_email": "kaisa.lindroos@example.fi",
        "apply_by": "2027-02-28",
        "interviews_from": "2027-03-08",
        "language": "fi",
    }
    assert cli.main([ad_file(json.dumps(posting), "p.json"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["/nonexistent/ad.txt"],
        ["{file}", "--format", "xml"],
        ["{file}", "--lang", "de"],
        [],
    ],
)
def test_it_exits_2_on_bad_input(args, ad_file, capsys):
    path = ad_file(CLEAN)
    assert cli.main([a.replace("{file}", path) for a in args]) == 2
    assert capsys.readouterr().err.startswith("error:")


def test_it_exits_2_on_text_that_is_not_utf8(ad_file, capsys):
    assert cli.main([ad_file(b"Myyj\xe4 Tampere\n")]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_it_exits_2_on_a_malformed_posting(ad_file, capsys):
    assert cli.main([ad_file('{"title": "X", "pay_min": "lots"}', "p.json")]) == 2
    assert "pay_min" in capsys.readouterr().err


def test_it_honours_lang(ad_file, capsys):
    cli.main([ad_file(BAD), "--lang", "en", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["language"] == "en"


def test_advice_follows_the_readers_language_not_the_ads(ad_file, capsys):
    assert cli.main([ad_file(BAD), "--advice-lang", "en", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["language"] == "fi"
    assert report["advice_language"] == "en"
    messages = {f["code"]: f["message"] for f in report["findings"]}
    assert messages["vague-salary"].startswith("Pay is mentioned without a figure")


def test_an_unknown_advice_language_is_bad_input(ad_file, capsys):
    assert cli.main([ad_file(BAD), "--advice-lang", "de"]) == 2
    assert "unknown advice language" in capsys.readouterr().err
