<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ImageLoadStatus</name>
    <message numerus="yes">
        <location filename="../editor/image_status.py" line="104"/>
        <source>%n image(s) could not be loaded: offline?</source>
        <translation>
            <numerusform>%n изображение не удалось загрузить: нет сети?</numerusform>
            <numerusform>%n изображения не удалось загрузить: нет сети?</numerusform>
            <numerusform>%n изображений не удалось загрузить: нет сети?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../editor/image_status.py" line="105"/>
        <source>Pictures from the web did not load here; the email keeps their addresses and recipients see them. The demo shop&apos;s pictures are always shown.</source>
        <translation>Картинки из интернета здесь не загрузились; в письме их адреса сохранены, и получатели их увидят. Картинки демо-магазина показываются всегда.</translation>
    </message>
</context>
</TS>
