<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ScenarioTimeline</name>
        <message numerus="yes">
            <location filename="../editor/scenario.py" line="68" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/scenario.py" line="70" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/scenario.py" line="227" />
            <source>%n email(s), the last on {0}. Review the series as one unit; open any step to edit it.</source>
            <translation>
                <numerusform>%n email, the last on {0}. Review the series as one unit; open any step to edit it.</numerusform>
                <numerusform>%n emails, the last on {0}. Review the series as one unit; open any step to edit it.</numerusform>
            </translation>
        </message>
    </context>
</TS>