<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BranchesView</name>
    <message numerus="yes">
        <location filename="../../ui/views/branches.py" line="236"/>
        <source>Silent for %n day(s)</source>
        <translation>
            <numerusform>Silent for %n day</numerusform>
            <numerusform>Silent for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/branches.py" line="237"/>
        <source>Never sent (%n day(s))</source>
        <translation>
            <numerusform>Never sent (%n day)</numerusform>
            <numerusform>Never sent (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/branches.py" line="275"/>
        <source>From now on a branch is marked silent after %n day(s) without a bundle.</source>
        <translation>
            <numerusform>From now on a branch is marked silent after %n day without a bundle.</numerusform>
            <numerusform>From now on a branch is marked silent after %n days without a bundle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message numerus="yes">
        <location filename="../../ui/case_window.py" line="532"/>
        <source>Printed %n time(s)</source>
        <translation>
            <numerusform>Printed once</numerusform>
            <numerusform>Printed %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="123"/>
        <source> and %n more</source>
        <translation>
            <numerusform> and one more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="129"/>
        <source>Overdue: %n.</source>
        <translation>
            <numerusform>Overdue: %n.</numerusform>
            <numerusform>Overdue: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="131"/>
        <source>Due today: %n.</source>
        <translation>
            <numerusform>Due today: %n.</numerusform>
            <numerusform>Due today: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="150"/>
        <source>%n thing(s) to do: </source>
        <translation>
            <numerusform>One thing to do: </numerusform>
            <numerusform>%n things to do: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="150"/>
        <source>%n overdue, </source>
        <translation>
            <numerusform>%n overdue, </numerusform>
            <numerusform>%n overdue, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="151"/>
        <source>%n due today.</source>
        <translation>
            <numerusform>%n due today.</numerusform>
            <numerusform>%n due today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="153"/>
        <source>%n unregistered slip(s) kept as drafts.</source>
        <translation>
            <numerusform>One unregistered slip kept as a draft.</numerusform>
            <numerusform>%n unregistered slips kept as drafts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PendingView</name>
    <message numerus="yes">
        <location filename="../../ui/views/pending.py" line="56"/>
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
        <location filename="../../ui/print_preview.py" line="84"/>
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
        <location filename="../../ui/views/register.py" line="266"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/register.py" line="467"/>
        <source>%n case(s) exported.</source>
        <translation>
            <numerusform>%n case exported.</numerusform>
            <numerusform>%n cases exported.</numerusform>
        </translation>
    </message>
</context>
</TS>
