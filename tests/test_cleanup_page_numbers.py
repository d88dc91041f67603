"""Page numbers a PDF's text leaves in the plan: a decorated one (- 2 -, — 3 —) glued to the start or the end of a line
of text, and bare ones (2 / 3 / 4 alone on their lines) that count the pages up through the text — between the halves of
a sentence or an item the page broke.  Left in, they were glued into the sentence (…自来水普2及率…) or stood as a
paragraph of their own (a task 2), or read as an item number (2（二）…).  Digits alone that do not count pages up (one
bare number, a table's 序号 cells one a line, a figure cut off its 年) stay.  Rows written before the code (docs4 s17,
tagsblind13 routed (i))."""

import pytest

from kb.parser.cleanup import clean_paragraphs

HEAD = "某某县农村供水实施方案\n一、重点任务\n"
ITEM1 = "（一）推进城乡供水一体化，到2025年农村自来水普及率达到98%。（县水利局牵头）"
ITEM2 = "（二）加强水源保护，完成水源地保护区划定。（县生态环境局牵头）"
ITEM3 = "（三）提升水质检测能力，实现县域水质检测全覆盖。（县卫生健康局牵头）"

# (text after HEAD, expected paragraphs after the first two, why)
CASES = [
    (f"{ITEM1}\n- 2 -{ITEM2}\n", [ITEM1, ITEM2], "a decorated number glued to the next line's start"),
    (f"{ITEM1}- 2 -\n{ITEM2}\n", [ITEM1, ITEM2], "glued to the end of a line"),
    (f"{ITEM1}\n— 3 —（二）加强水源保护，完成水源地保护区划定。（县生态环境局牵头）\n", [ITEM1, ITEM2], "em dashes"),
    ("到\n2025\n年，完成改造。\n", ["到2025年，完成改造。"], "a year cut off its 年: no page number"),
]

#: Items of a printed page (each wider than a printed line: cut into lines of 26 characters below).
ITEMS = [ITEM1, ITEM2, ITEM3,
         "（四）推进农村供水工程规范化管理，落实工程管护主体和管护经费，确保工程长效运行。（县水利局负责）",
         "（五）加强农村供水价格管理，建立合理的水价形成机制，推行计量收费。（县发展改革局牵头，县水利局配合）",
         "（六）强化农村供水应急保障，制定农村供水应急预案，储备必要的应急物资。（县应急管理局牵头）"]


def _printed(items: list[str], pages: dict[int, str]) -> str:
    """The items in printed lines of 26 characters, the lines of page k (every 5 lines) closed by ``pages[k]``."""
    lines = [p[i:i + 26] for p in items for i in range(0, len(p), 26)]
    out = []
    for k, line in enumerate(lines, 1):
        out.append(line)
        if k % 5 == 0 and (k // 5 + 1) in pages:
            out.append(pages[k // 5 + 1])
    return HEAD + "\n".join(out) + "\n"


def test_bare_page_numbers_of_printed_lines():
    """Printed lines with bare numbers 2, 3 … counting the pages up, each where a page ends — inside a sentence or
    between items: dropped, the sentences whole again."""
    paragraphs = clean_paragraphs(_printed(ITEMS, {2: "2", 3: "3", 4: "4"}))
    assert paragraphs[2:] == ITEMS


def test_one_bare_number_is_kept():
    """One bare number proves no page count: kept as it was."""
    paragraphs = clean_paragraphs(HEAD + f"{ITEM1}\n2\n{ITEM2}\n")
    assert paragraphs[2:] == [ITEM1, "2", ITEM2]


def test_row_numbers_of_a_table_are_kept():
    """A table's 序号 cells one a line (1 / task / unit / limit / 2 / …) count up by one too: they are no pages."""
    rows = "".join(f"{n}\n完成第{n}批农村供水工程建设任务\n县水利局\n2024年底前完成\n" for n in range(1, 6))
    paragraphs = clean_paragraphs("某某县农村供水任务分解表\n序号\n工作任务\n责任单位\n完成时限\n" + rows)
    assert [p for p in paragraphs if p.strip().isdigit()] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("after, expected, why", CASES, ids=[c[2][:40] for c in CASES])
def test_page_numbers(after, expected, why):
    assert clean_paragraphs(HEAD + after)[2:] == expected, why
