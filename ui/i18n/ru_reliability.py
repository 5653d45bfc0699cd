"""Russian texts of workspace errors and import warnings: writes ``reliability_ru.ts``.

The sources are the strings of ``ui/tasks.py`` and ``ui/app.py`` in the
contexts ``WorkspaceErrors`` and ``ImportWarnings``. Regenerate with::

    python -m ui.i18n.ru_reliability && pyside6-lrelease ui/i18n/reliability_ru.ts
"""

from __future__ import annotations

from pathlib import Path

from ui.i18n.tsfile import write_ts

HERE = Path(__file__).resolve().parent

RU: dict[tuple[str, str], str] = {
    ("WorkspaceErrors", "this file is not a Konvert workspace or is damaged"):
        "этот файл не рабочая область Konvert или он повреждён",
    ("WorkspaceErrors", "the workspace is read-only, so nothing can be saved into it; "
                        "check the file's permissions or copy it somewhere writable"):
        "рабочая область открыта только для чтения, сохранить в неё ничего нельзя; "
        "проверьте права на файл или скопируйте его туда, где можно писать",
    ("WorkspaceErrors", "another import (or another Konvert) is writing to this workspace; "
                        "try again when it has finished"):
        "в эту рабочую область сейчас пишет другой импорт (или другое окно Konvert); "
        "попробуйте ещё раз, когда он закончит",
    ("WorkspaceErrors",
     "cannot open the workspace file (check the folder and its permissions)"):
        "не удалось открыть файл рабочей области (проверьте папку и права на неё)",
    ("WorkspaceErrors",
     "the workspace database took too long to answer and the query was stopped"):
        "база данных рабочей области слишком долго не отвечала, запрос остановлен",
    ("WorkspaceErrors",
     "the workspace database server did not answer in time: check the host and port"):
        "сервер базы данных рабочей области не ответил вовремя: проверьте адрес и порт",
    ("WorkspaceErrors", "Konvert"): "Konvert",
    ("WorkspaceErrors", "Konvert cannot open the workspace."):
        "Konvert не может открыть рабочую область.",
    ("ImportWarnings", "Warning, column “{0}”: {1}"): "Предупреждение, столбец «{0}»: {1}",
    ("ImportWarnings", "Rejected rows, and values left out of imported rows "
                       "(line numbers as in the file; line 1 is the header):"):
        "Отклонённые строки и значения, пропущенные в загруженных строках "
        "(номера строк как в файле; строка 1 — заголовок):",
    ("ImportWarnings", "Every row was imported; these values were left out "
                       "(line numbers as in the file; line 1 is the header):"):
        "Все строки загружены, но эти значения пропущены "
        "(номера строк как в файле; строка 1 — заголовок):",
}


if __name__ == "__main__":
    write_ts(HERE / "reliability_ru.ts", RU)
