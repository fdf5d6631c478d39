<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CaseWindow</name>
        <message numerus="yes">
            <location filename="../../ui/case_window.py" line="426" />
            <source>Printed %n time(s)</source>
            <translation>
                <numerusform>Printed once</numerusform>
                <numerusform>Printed %n times</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PendingView</name>
        <message numerus="yes">
            <location filename="../../ui/views/pending.py" line="59" />
            <source>%n pending matter(s). The reply clock of each is paused until it is resumed.</source>
            <translation>
                <numerusform>%n pending matter. Its reply clock is paused until it is resumed.</numerusform>
                <numerusform>%n pending matters. The reply clock of each is paused until it is resumed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message numerus="yes">
            <location filename="../../ui/print_preview.py" line="75" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegisterView</name>
        <message numerus="yes">
            <location filename="../../ui/views/register.py" line="222" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/views/register.py" line="415" />
            <source>%n case(s) exported.</source>
            <translation>
                <numerusform>%n case exported.</numerusform>
                <numerusform>%n cases exported.</numerusform>
            </translation>
        </message>
    </context>
</TS>
