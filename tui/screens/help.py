"""The help screen, in Chinese: what to ask, and every key."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui.widgets.footer import KbFooter

HELP = """\
# 帮助

**kb** 把行动方案解析成结构化数据，回答“谁牵头、谁配合、何时完成、指标多少”，答案完整、准确，每一项都注明条目编号（如 三（一）2），便于对照原文。

## 怎么问

| 想知道 | 可以这样问 |
|---|---|
| 部门牵头的任务 | 交通局牵头哪些任务 |
| 接着问配合的 | 配合的呢 |
| 数量 | 发改委牵头几项任务 |
| 两个部门共同牵头 | 生态环境局和经信局共同牵头哪些任务 |
| 某项工作由谁负责 | 秸秆禁烧由谁负责 |
| 涉及某个主题的任务 | 哪些任务涉及VOCs |
| 时限、指标 | 国六标准什么时候实施 · PM2.5要下降多少 |

带 **规则答案** 标题的是精确答案；标题为 **全文检索（非精确匹配）** 的，是没有规则能回答时按相关度列出的条目，请核对原文。

## 按键

| 按键 | 作用 |
|---|---|
| Enter | 提问；在任务列表中打开任务详情 |
| ↑ / ↓ | 在输入框中翻看历史问题；在列表中移动 |
| Tab / Shift+Tab | 在部门列表、答案、输入框之间切换 |
| Ctrl+L | 回到提问输入框 |
| Ctrl+G | 筛选部门（可输入简称，如“交通局”；错别字也能识别） |
| Ctrl+B | 显示或隐藏部门栏 |
| Ctrl+O | 方案总览：目标、指标、各部门任务数 |
| Ctrl+S | 导出责任清单或任务分工表（xlsx、docx、md、csv、json） |
| ← / → | 任务详情中查看本节上一项、下一项 |
| Esc | 返回上一屏 |
| Ctrl+P | 命令面板：搜索部门、任务和操作 |
| Ctrl+T | 切换浅色 / 深色主题 |
| F1 或 ? | 本帮助 |
| Ctrl+Q | 退出 |
"""


class HelpScreen(ModalScreen):
    """Help in Chinese; Esc, F1 or ? closes it."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "app.pop_screen", "关闭", id="close-help", key_display="Esc")]

    def compose(self):
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
        yield KbFooter()
