<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ContactsPage</name>
        <message numerus="yes">
            <location filename="../contacts_page.py" line="173" />
            <source>%Ln contact(s) found</source>
            <translation>
                <numerusform>%Ln contact found</numerusform>
                <numerusform>%Ln contacts found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../contacts_page.py" line="175" />
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln contact</numerusform>
                <numerusform>%Ln contacts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../main_window.py" line="290" />
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln contact</numerusform>
                <numerusform>%Ln contacts</numerusform>
            </translation>
        </message>
    </context>
</TS>