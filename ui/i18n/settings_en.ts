<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>SettingsDialog</name>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="839" />
            <source> day(s)</source>
            <translation>
                <numerusform> day</numerusform>
                <numerusform> days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="841" />
            <source>bought within the last %n day(s).</source>
            <translation>
                <numerusform>bought within the last day.</numerusform>
                <numerusform>bought within the last %n days.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="847" />
            <source>last purchase more than %n day(s) ago.</source>
            <translation>
                <numerusform>last purchase more than %n day ago.</numerusform>
                <numerusform>last purchase more than %n days ago.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="848" />
            <source>never bought; abandoned a cart within the last %n day(s).</source>
            <translation>
                <numerusform>never bought; abandoned a cart within the last day.</numerusform>
                <numerusform>never bought; abandoned a cart within the last %n days.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="864" />
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln contact</numerusform>
                <numerusform>%Ln contacts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="937" />
            <source>…and %n more.</source>
            <translation>
                <numerusform>…and %n more.</numerusform>
                <numerusform>…and %n more.</numerusform>
            </translation>
        </message>
    </context>
</TS>