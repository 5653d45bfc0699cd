<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
  <context>
    <name>BrandTab</name>
    <message>
      <source>Currency</source>
      <translation>Валюта</translation>
    </message>
  </context>
  <context>
    <name>ExportPage</name>
    <message>
      <source>(filled in by Konvert)</source>
      <translation>(подставит Konvert)</translation>
    </message>
  </context>
  <context>
    <name>InboxPreviewPane</name>
    <message>
      <source>Desktop</source>
      <translation>Компьютер</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
  </context>
  <context>
    <name>SegmentsPage</name>
    <message>
      <source>{0} (changed, not saved)</source>
      <translation>{0} (изменён, не сохранён)</translation>
    </message>
  </context>
  <context>
    <name>OverlapDialog</name>
    <message>
      <source>Ready-made segment</source>
      <translation>Готовый сегмент</translation>
    </message>
    <message>
      <source>You have fewer than two saved segments, so the lists offer the ready-made ones. To compare your own, build a segment and press “Save as…”, then open this window again.</source>
      <translation>Сохранённых сегментов меньше двух, поэтому в списках — готовые сегменты. Чтобы сравнить свои, соберите сегмент, нажмите «Сохранить как…» и откройте это окно снова.</translation>
    </message>
  </context>
  <context>
    <name>RunPage</name>
    <message>
      <source>Another import is writing to this workspace: this one starts as soon as it has finished…</source>
      <translation>В эту базу сейчас пишет другой импорт: этот начнётся, как только тот закончится…</translation>
    </message>
  </context>
  <context>
    <name>TemplateEditor</name>
    <message>
      <source>Saved with errors</source>
      <translation>Сохранено с ошибками</translation>
    </message>
    <message>
      <source>Saved with errors: no version without errors to go back to</source>
      <translation>Сохранено с ошибками; версии без ошибок нет</translation>
    </message>
    <message>
      <source>Restore the version without errors</source>
      <translation>Вернуть версию без ошибок</translation>
    </message>
    <message>
      <source>Put back the last version of this template that rendered (Ctrl+Z undoes it)</source>
      <translation>Вернуть последнюю версию шаблона, которая отрисовывалась (Ctrl+Z отменит)</translation>
    </message>
  </context>
</TS>
