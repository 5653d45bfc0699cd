<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>ValidationLevelBox</name>
        <message>
            <location filename="../editor/validation.py" line="53" />
            <source>MJML validation:</source>
            <translation>Проверка MJML:</translation>
        </message>
        <message>
            <location filename="../editor/validation.py" line="55" />
            <source>soft</source>
            <translation>мягкая</translation>
        </message>
        <message>
            <location filename="../editor/validation.py" line="56" />
            <source>strict</source>
            <translation>строгая</translation>
        </message>
        <message>
            <location filename="../editor/validation.py" line="57" />
            <source>skip</source>
            <translation>нет</translation>
        </message>
        <message>
            <location filename="../editor/validation.py" line="62" />
            <source>As official MJML: soft (the default) renders MJML with problems and lists them as warnings; strict shows them as errors and keeps the last good preview; skip checks nothing</source>
            <translation>Как в официальном MJML: мягкая (по умолчанию) показывает письмо и с ошибками MJML, перечисляя их как предупреждения; строгая считает их ошибками и оставляет последний удачный предпросмотр; без проверки — ничего не проверяет</translation>
        </message>
    </context>
</TS>