import xml.etree.ElementTree as ET

from anwei.lib.svgchart import Bar, bar_chart, line_chart

NS = "{http://www.w3.org/2000/svg}"


def test_bars_are_valid_svg_with_links_titles_and_escaped_text():
    svg = bar_chart(title="逾期<事項>", series=["未逾期", "逾期"],
                    bars=[Bar("秘書室", [3, 2], ["/a?x=1&y=2", ""]), Bar("人事室", [0, 0])])
    root = ET.fromstring(svg)
    # it holds links: a figure, not an image (whose content assistive technology would not see)
    assert root.get("role") == "figure" and "秘書室 未逾期3、逾期2" in root.get("aria-label")
    links = root.findall(f".//{NS}a")
    assert [a.get("href") for a in links] == ["/a?x=1&y=2"]
    titles = [t.text for t in root.iter(f"{NS}title")]
    assert "逾期<事項>" in titles and "秘書室：逾期 2" in titles


def test_lines_have_a_point_per_label():
    svg = line_chart(title="趨勢", series=["新增", "解除"], xlabels=["112-1", "112-2", "113-1"],
                     values=[[4, 5, 2], [1, 3, 6]])
    root = ET.fromstring(svg)
    assert len(root.findall(f".//{NS}circle")) == 6
    assert len(root.findall(f".//{NS}polyline")) == 2
