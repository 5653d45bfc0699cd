<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
  <context>
    <name>WorkspaceErrors</name>
    <message>
      <source>this file is not a Konvert workspace or is damaged</source>
      <translation>этот файл не рабочая область Konvert или он повреждён</translation>
    </message>
    <message>
      <source>the workspace is read-only, so nothing can be saved into it; check the file's permissions or copy it somewhere writable</source>
      <translation>рабочая область открыта только для чтения, сохранить в неё ничего нельзя; проверьте права на файл или скопируйте его туда, где можно писать</translation>
    </message>
    <message>
      <source>another import (or another Konvert) is writing to this workspace; try again when it has finished</source>
      <translation>в эту рабочую область сейчас пишет другой импорт (или другое окно Konvert); попробуйте ещё раз, когда он закончит</translation>
    </message>
    <message>
      <source>cannot open the workspace file (check the folder and its permissions)</source>
      <translation>не удалось открыть файл рабочей области (проверьте папку и права на неё)</translation>
    </message>
    <message>
      <source>the workspace database took too long to answer and the query was stopped</source>
      <translation>база данных рабочей области слишком долго не отвечала, запрос остановлен</translation>
    </message>
    <message>
      <source>the workspace database server did not answer in time: check the host and port</source>
      <translation>сервер базы данных рабочей области не ответил вовремя: проверьте адрес и порт</translation>
    </message>
    <message>
      <source>Konvert</source>
      <translation>Konvert</translation>
    </message>
    <message>
      <source>Konvert cannot open the workspace.</source>
      <translation>Konvert не может открыть рабочую область.</translation>
    </message>
  </context>
  <context>
    <name>ImportWarnings</name>
    <message>
      <source>Warning, column “{0}”: {1}</source>
      <translation>Предупреждение, столбец «{0}»: {1}</translation>
    </message>
    <message>
      <source>Rejected rows, and values left out of imported rows (line numbers as in the file; line 1 is the header):</source>
      <translation>Отклонённые строки и значения, пропущенные в загруженных строках (номера строк как в файле; строка 1 — заголовок):</translation>
    </message>
    <message>
      <source>Every row was imported; these values were left out (line numbers as in the file; line 1 is the header):</source>
      <translation>Все строки загружены, но эти значения пропущены (номера строк как в файле; строка 1 — заголовок):</translation>
    </message>
  </context>
</TS>
