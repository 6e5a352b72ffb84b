"""The posting's requirement lines: the one reading shared by criteria and questions."""

from reilu.jobs.requirements import requirement_lines


def test_one_line_is_one_requirement_without_list_markers():
    text = "- Python\n* Django\n\n• Finnish or Swedish\n  – team work  \n·SQL"
    assert requirement_lines(text) == [
        "Python",
        "Django",
        "Finnish or Swedish",
        "team work",
        "SQL",
    ]


def test_repeated_lines_count_once_and_order_is_kept():
    assert requirement_lines("B\nA\n- B\nA") == ["B", "A"]


def test_lines_are_capped_in_length_and_number():
    long = "x" * 400
    assert requirement_lines(long) == ["x" * 300]
    many = "\n".join(f"skill {i}" for i in range(30))
    lines = requirement_lines(many)
    assert len(lines) == 20
    assert lines[-1] == "skill 19"


def test_blank_text_has_no_lines():
    assert requirement_lines("") == []
    assert requirement_lines(" \n - \n") == []
