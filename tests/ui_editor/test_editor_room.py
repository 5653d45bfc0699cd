"""Editor room on a laptop: the preview stays readable, the user's layout choice is kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.editor.live_preview import LivePreviewPane
from ui.tasks import Pools


def test_narrow_pane_shows_the_desktop_alone_until_the_user_picks(
    qtbot: QtBot, pools: Pools
) -> None:
    pane = LivePreviewPane(pools.read)
    qtbot.add_widget(pane)
    pane.resize(560, 600)  # the preview's share of a 1280 px window
    pane.show()
    qtbot.wait_until(lambda: pane.desktop.width() > 400)
    assert not pane.mobile.isVisibleTo(pane)
    assert pane.desktop.zoomFactor() >= 0.8  # readable, not the 45 % of side by side
    pane.resize(1200, 600)
    qtbot.wait_until(lambda: pane.mobile.isVisibleTo(pane))
    pane.set_layout_mode("both")  # chosen by the user: kept however narrow
    pane.resize(560, 600)
    qtbot.wait_until(lambda: pane.width() == 560)
    assert pane.mobile.isVisibleTo(pane) and pane.desktop.isVisibleTo(pane)


def test_inbox_rows_keep_a_desktop_width_in_a_narrow_pane(qtbot: QtBot) -> None:
    from ui.editor.inbox import DESKTOP_ROW_PX, InboxPreviewPane

    pane = InboxPreviewPane()
    qtbot.add_widget(pane)
    pane.resize(320, 500)
    pane.show()
    subject = "Очень длинная тема письма, которую почтовый клиент обрежет по своим правилам"
    pane.set_message("Сезон", subject, "Прехедер", {})
    [(_label, desktop, _phone)] = pane.lines()
    assert desktop.subject_truncated or len(desktop.subject) <= len(subject)
    assert pane.rows.sizeHint().width() >= DESKTOP_ROW_PX  # scrolls, not cut at 320 px
    assert pane.minimumSizeHint().width() < 320
