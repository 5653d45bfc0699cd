<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ImageLoadStatus</name>
    <message numerus="yes">
        <location filename="../editor/image_status.py" line="104"/>
        <source>%n image(s) could not be loaded: offline?</source>
        <translation>
            <numerusform>%n image could not be loaded: offline?</numerusform>
            <numerusform>%n images could not be loaded: offline?</numerusform>
        </translation>
    </message>
</context>
</TS>
