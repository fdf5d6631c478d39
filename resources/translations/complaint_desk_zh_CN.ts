<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="42"/>
        <source>About Complaint Desk</source>
        <translation>关于投诉台</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="44"/>
        <source>Complaint Desk</source>
        <translation>投诉台</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="47"/>
        <source>Customer complaints for branch reception desks: numbered slips, deadlines, approvals, rectification notices, USB exchange with headquarters.</source>
        <translation>面向分支机构前台的客户投诉管理：编号处理单、时限、审批、整改通知书、通过U盘与总部交换数据。</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="54"/>
        <source>server database</source>
        <translation>服务器数据库</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="58"/>
        <source>not created yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="60"/>
        <source>installed program</source>
        <translation>安装版</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="60"/>
        <source>source</source>
        <translation>源代码运行</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="62"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="63"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="64"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="65"/>
        <source>Database size</source>
        <translation>数据库大小</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="66"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="67"/>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="69"/>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="69"/>
        <source>WenQuanYi Micro Hei (Apache 2.0 or GPL v3); for rare characters of names Hanazono Mincho (Hanazono Font License); in resources/fonts with their licences</source>
        <translation>文泉驿微米黑（Apache 2.0 或 GPL v3）；姓名中的生僻字使用花园明朝（花园字体许可证）；均位于 resources/fonts，附许可证</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="84"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="85"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="86"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="107"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="121"/>
        <source>&amp;About Complaint Desk</source>
        <translation>关于投诉台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="108"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="117"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/action_dialog.py" line="99"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="100"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="162"/>
        <source>— please choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="232"/>
        <source>{caption}: please choose one.</source>
        <translation>{caption}：请选择一项。</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="83"/>
        <source>Templates</source>
        <translation>常用语</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="123"/>
        <source>Standard wording for this paragraph; or type a template&apos;s key and press F3</source>
        <translation>本段的标准措辞；也可输入常用语快捷码后按 F3</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="124"/>
        <source>No standard wording for this paragraph yet: administrators add it in Settings &gt; Reply templates</source>
        <translation>本段尚无标准措辞：管理员可在“设置 &gt; 常用语”中添加</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="105"/>
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="106"/>
        <source>The administrator manages users, departments, backups and the exchange with headquarters. Keep the password somewhere safe.</source>
        <translation>管理员负责管理用户、部门、备份及与总部的数据交换。请妥善保管密码。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="113"/>
        <location filename="../../ui/first_run.py" line="122"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="114"/>
        <location filename="../../ui/first_run.py" line="125"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="115"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="128"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>BackupPasswordDialog</name>
    <message>
        <location filename="../../ui/backups.py" line="132"/>
        <source>Backup password</source>
        <translation>备份密码</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="135"/>
        <source>The backup holds the customers&apos; personal data. Sealed with a password, a lost drive gives nothing away. Write the password on paper and keep it apart from the drive: without it the backup cannot be restored.</source>
        <translation>备份含有客户个人信息。设置密码加密后，即使U盘丢失也不会泄露信息。请将密码写在纸上并与U盘分开保管：没有密码将无法恢复该备份。</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="145"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="146"/>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="150"/>
        <source>Write the backup</source>
        <translation>写入备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="152"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="159"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../ui/backups.py" line="83"/>
        <source>The automatic backup failed ({error}).</source>
        <translation>自动备份失败（{error}）。</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="101"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="102"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>BranchPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="78"/>
        <source>The branch</source>
        <translation>机构信息</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <source>The code is printed in every case number, for example BJ01-2026-00001.</source>
        <translation>机构代码会出现在每个案件编号中，例如 BJ01-2026-00001。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="84"/>
        <source>e.g. 北京朝阳支公司</source>
        <translation>例如：北京朝阳支公司</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="85"/>
        <source>This desk is headquarters (it receives the branches&apos; exports)</source>
        <translation>本机为总部（接收各分支机构导出的数据）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="86"/>
        <location filename="../../ui/first_run.py" line="96"/>
        <source>Branch code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87"/>
        <location filename="../../ui/first_run.py" line="99"/>
        <source>Branch name</source>
        <translation>机构名称</translation>
    </message>
</context>
<context>
    <name>BranchesView</name>
    <message>
        <location filename="../../ui/views/branches.py" line="55"/>
        <source>Overview of the branches</source>
        <translation>各机构概览</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="58"/>
        <source>Rates over</source>
        <translation>比率统计期间</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="61"/>
        <source>Silent after</source>
        <translation>未报送判定</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="64"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="65"/>
        <source>A branch that sent no bundle for more than this many days is marked silent.</source>
        <translation>超过此天数未报送数据包的机构标记为“未报送”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="68"/>
        <source>Keep as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="69"/>
        <source>Use this number of days for every headquarters user from now on.</source>
        <translation>今后所有总部用户都按此天数判定。</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="72"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="78"/>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="78"/>
        <source>Branch</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="78"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="79"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="79"/>
        <source>Major open</source>
        <translation>重大未结</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="80"/>
        <source>On time</source>
        <translation>及时率</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="80"/>
        <source>Revisited</source>
        <translation>回访率</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="81"/>
        <source>Last bundle</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="81"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="82"/>
        <source>Bundle no.</source>
        <translation>数据包序号</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="82"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="93"/>
        <source>Replied by the reply deadline, of the cases received in the period that were replied or are late.</source>
        <translation>期间受理的案件中，已答复或已逾期者按时答复的比例。</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="95"/>
        <source>Complaints revisited, of the complaints replied (cases received in the period).</source>
        <translation>期间受理并已答复的投诉中已回访的比例。</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="97"/>
        <source>Revisits satisfied or basically satisfied, of all revisits.</source>
        <translation>全部回访中满意或基本满意的比例。</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="103"/>
        <source>Double-click a branch for its cases in the register; on the overdue count, for its overdue cases.</source>
        <translation>双击机构可在台帐中查看其案件；双击逾期数则查看其逾期案件。</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="126"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="131"/>
        <source>This month ({month})</source>
        <translation>本月（{month}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="133"/>
        <source>This year ({year})</source>
        <translation>本年（{year}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="149"/>
        <source>Counting the year of every branch...</source>
        <translation>正在统计各机构全年数据……</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="176"/>
        <source> (headquarters)</source>
        <translation>（总部）</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="184"/>
        <source>Never received</source>
        <translation>从未收到</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="217"/>
        <source>{branches} branches · {silent} silent · {overdue} with overdue cases · {open} open cases · as of {time}</source>
        <translation>共 {branches} 个机构 · {silent} 个未报送 · {overdue} 个有逾期案件 · 未结案件 {open} 件 · 截至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="222"/>
        <source>No branch is enrolled yet. Enrol the branches (Exchange &gt; Import an enrolment file…) and import their bundles.</source>
        <translation>尚无已登记的机构。请先登记各机构（数据交换 &gt; 导入登记文件…），再导入其数据包。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/branches.py" line="236"/>
        <source>Silent for %n day(s)</source>
        <translation>
            <numerusform>已 %n 天未报送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/branches.py" line="237"/>
        <source>Never sent (%n day(s))</source>
        <translation>
            <numerusform>从未报送（%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="239"/>
        <source>Overdue cases</source>
        <translation>有逾期案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="240"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="240"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="245"/>
        <source>{in_time} of {due} replied in time</source>
        <translation>{due} 件中按时答复 {in_time} 件</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="248"/>
        <source>{revisited} of {replied} revisited</source>
        <translation>{replied} 件中已回访 {revisited} 件</translation>
    </message>
    <message>
        <location filename="../../ui/views/branches.py" line="251"/>
        <source>{satisfied} of {revisits} satisfied or basically satisfied</source>
        <translation>{revisits} 次回访中满意或基本满意 {satisfied} 次</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/branches.py" line="275"/>
        <source>From now on a branch is marked silent after %n day(s) without a bundle.</source>
        <translation>
            <numerusform>今后机构超过 %n 天未报送数据包即标记为“未报送”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarSettings</name>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="46"/>
        <location filename="../../ui/views/calendar_settings.py" line="223"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="59"/>
        <source>Days off on weekdays and working weekend days</source>
        <translation>工作日放假与周末上班的日子</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="61"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="61"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="61"/>
        <source>Day</source>
        <translation>安排</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="61"/>
        <source>Decided by</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="65"/>
        <source>Enter the arrangement</source>
        <translation>录入节假日安排</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="67"/>
        <source>Dates as 2027-02-05, 2027年2月5日 or 2月5日, ranges as 2月5日至11日; a line of the State Council&apos;s notice can be pasted as it is.</source>
        <translation>日期可写成 2027-02-05、2027年2月5日 或 2月5日，连续日期写成 2月5日至11日；国务院办公厅通知中的句子可直接粘贴。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="71"/>
        <source>Holidays (放假)</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="75"/>
        <source>Make-up working days (上班)</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="91"/>
        <source>Printed with the old date: reprint (补打)</source>
        <translation>已按旧期限打印、需补打的单据</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="93"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="93"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="93"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="93"/>
        <source>Was</source>
        <translation>原期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="94"/>
        <source>Now</source>
        <translation>新期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="99"/>
        <source>Compute open deadlines again</source>
        <translation>重新计算未结案件期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="100"/>
        <source>After a program update that changed how the calendar counts: the deadlines of open cases are computed again under the calendar in force.</source>
        <translation>程序更新改变了日历的计算方式后使用：按现行日历重新计算所有未结案件的期限。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="119"/>
        <source>Official arrangement (State Council, built in): {first}-{last}.</source>
        <translation>内置的国务院节假日安排：{first}—{last} 年。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="120"/>
        <source>No official arrangement is built in.</source>
        <translation>未内置国务院节假日安排。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="122"/>
        <source>Entered here or from headquarters: {years}.</source>
        <translation>本机录入或总部下发：{years} 年。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="124"/>
        <source>Other years: the statutory holidays by law, provisional.</source>
        <translation>其他年份按法定节假日暂定推算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="126"/>
        <source>The arrangement for {year} is missing: enter it when it is published.</source>
        <translation>{year} 年的安排尚未录入，请在公布后录入。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="151"/>
        <source>{year}: the arrangement entered here or distributed by headquarters.</source>
        <translation>{year} 年：采用本机录入或总部下发的安排。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="152"/>
        <source>{year}: the official arrangement of the State Council.</source>
        <translation>{year} 年：采用国务院办公厅公布的安排。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="153"/>
        <source>{year}: no arrangement is known. Provisional: the statutory holidays by law, with a weekday in lieu when one falls on a weekend; no make-up working days.</source>
        <translation>{year} 年：尚无节假日安排，暂按法定节假日推算（节日逢周末在工作日补假），不含调休上班日。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="158"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="158"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="158"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="158"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="158"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="158"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="159"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="160"/>
        <source>arrangement entered</source>
        <translation>录入的安排</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="160"/>
        <source>official</source>
        <translation>国务院安排</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="161"/>
        <source>by law (provisional)</source>
        <translation>法定（暂定）</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="165"/>
        <source>holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="165"/>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="171"/>
        <source>Apply the arrangement for {year}</source>
        <translation>启用 {year} 年的安排</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="172"/>
        <source>Remove the arrangement for {year}</source>
        <translation>删除 {year} 年的安排</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="185"/>
        <location filename="../../ui/views/calendar_settings.py" line="198"/>
        <location filename="../../ui/views/calendar_settings.py" line="209"/>
        <source>Calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="186"/>
        <source>Use this arrangement for {year}: {holidays} holidays and {workdays} make-up working days? The deadlines of open cases are computed again.</source>
        <translation>启用 {year} 年的安排：放假 {holidays} 天，调休上班 {workdays} 天？未结案件的期限将重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="194"/>
        <source>The arrangement for {year} is in force.</source>
        <translation>{year} 年的安排已启用。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="199"/>
        <source>Remove the arrangement for {year}? The official arrangement or the law decides the year again, and the deadlines of open cases are computed again.</source>
        <translation>删除 {year} 年的安排？该年将重新按国务院安排或法定节假日计算，未结案件的期限将重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="206"/>
        <source>The arrangement for {year} is removed.</source>
        <translation>{year} 年的安排已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="210"/>
        <source>Compute the deadlines of every open case again under the calendar in force? Each change is recorded in the case&apos;s history.</source>
        <translation>按现行日历重新计算所有未结案件的期限？每项变更都会记入案件历史。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="217"/>
        <source>Open deadlines computed again.</source>
        <translation>未结案件期限已重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="222"/>
        <source>Holidays</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="222"/>
        <source>Make-up working days</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="230"/>
        <source>Open cases or notices whose deadline changed: {count}.</source>
        <translation>{count} 件未结案件或整改通知书的期限已变更。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="233"/>
        <source>Printed documents with the old date, to reprint (listed below): {count}.</source>
        <translation>{count} 份已打印的单据印有旧期限，请补打（见下表）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="231"/>
        <source>No open deadline changed.</source>
        <translation>未结案件的期限均无变化。</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="136"/>
        <source>handling slip</source>
        <translation>客户投诉处理单</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="136"/>
        <source>receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="137"/>
        <source>revisit record</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="137"/>
        <source>rectification notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="138"/>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="138"/>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_settings.py" line="138"/>
        <source>Feedback</source>
        <translation>整改反馈</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../ui/case_window.py" line="101"/>
        <source>Complaint Handling Slip</source>
        <translation>客户投诉处理单</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="119"/>
        <source>Misconduct report: general manager only</source>
        <translation>举报：仅总经理可见</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="121"/>
        <source>Major complaint</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="123"/>
        <source>General complaint</source>
        <translation>一般投诉</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="125"/>
        <source>Not classified ({kind})</source>
        <translation>不分级（{kind}）</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="131"/>
        <source>Reasons: {reasons}</source>
        <translation>原因：{reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="150"/>
        <source>New complaint slip</source>
        <translation>新建投诉处理单</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="152"/>
        <source>Number: given when registered</source>
        <translation>编号：登记时自动生成</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="166"/>
        <source>Register (Ctrl+Enter)</source>
        <translation>登记 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="171"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="224"/>
        <source>Classified once the slip is complete</source>
        <translation>填写完整后自动分级</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="353"/>
        <source>Unsaved slip</source>
        <translation>未保存的投诉单</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="354"/>
        <source>This slip is not registered. Keep it as a draft for later?</source>
        <translation>此投诉单尚未登记。是否保留为草稿，以后继续填写？</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="382"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="388"/>
        <source>{number} - Complaint slip</source>
        <translation>{number} - 投诉处理单</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="426"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="427"/>
        <location filename="../../ui/case_window.py" line="512"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="428"/>
        <location filename="../../ui/case_window.py" line="457"/>
        <location filename="../../ui/case_window.py" line="576"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="429"/>
        <location filename="../../ui/case_window.py" line="678"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="429"/>
        <source>not assigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="430"/>
        <location filename="../../ui/case_window.py" line="507"/>
        <source>Transfers</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="431"/>
        <location filename="../../ui/case_window.py" line="486"/>
        <source>Established</source>
        <translation>是否成立</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="431"/>
        <location filename="../../ui/case_window.py" line="483"/>
        <location filename="../../ui/case_window.py" line="489"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="431"/>
        <location filename="../../ui/case_window.py" line="483"/>
        <location filename="../../ui/case_window.py" line="489"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="432"/>
        <source>Receiver</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="451"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="455"/>
        <location filename="../../ui/case_window.py" line="576"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="456"/>
        <location filename="../../ui/case_window.py" line="576"/>
        <location filename="../../ui/case_window.py" line="680"/>
        <location filename="../../ui/case_window.py" line="687"/>
        <location filename="../../ui/case_window.py" line="699"/>
        <location filename="../../ui/case_window.py" line="712"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="468"/>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="472"/>
        <source>Investigation log</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="472"/>
        <location filename="../../ui/case_window.py" line="687"/>
        <source>What was done</source>
        <translation>调查事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="476"/>
        <source>Next allowed contact: {time}</source>
        <translation>下次可联系时间：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="478"/>
        <source>(an attempt is due today: the customer has not been reached)</source>
        <translation>（客户尚未联系上，今天须再联系一次）</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="481"/>
        <source>Contact attempts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="481"/>
        <location filename="../../ui/case_window.py" line="498"/>
        <location filename="../../ui/case_window.py" line="681"/>
        <location filename="../../ui/case_window.py" line="713"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="481"/>
        <source>Reached</source>
        <translation>是否联系上</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="481"/>
        <source>Note</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="486"/>
        <source>Conclusion</source>
        <translation>处理结论</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="486"/>
        <location filename="../../ui/case_window.py" line="691"/>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="487"/>
        <location filename="../../ui/case_window.py" line="495"/>
        <location filename="../../ui/case_window.py" line="703"/>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="487"/>
        <location filename="../../ui/case_window.py" line="492"/>
        <location filename="../../ui/case_window.py" line="693"/>
        <location filename="../../ui/case_window.py" line="701"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="487"/>
        <source>Responsible</source>
        <translation>责任部门/责任人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="492"/>
        <source>Reply to the customer</source>
        <translation>答复客户</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="492"/>
        <location filename="../../ui/case_window.py" line="700"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="495"/>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="495"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="498"/>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="498"/>
        <location filename="../../ui/case_window.py" line="714"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="498"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="502"/>
        <source>Pending matters</source>
        <translation>未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="502"/>
        <location filename="../../ui/case_window.py" line="705"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="502"/>
        <location filename="../../ui/case_window.py" line="710"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="503"/>
        <source>Resumed</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="507"/>
        <source>From</source>
        <translation>原承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="507"/>
        <source>To</source>
        <translation>新承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="511"/>
        <source>Rectification notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="512"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="512"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="512"/>
        <location filename="../../ui/case_window.py" line="724"/>
        <source>Feedback by</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="513"/>
        <source>Follows</source>
        <translation>前序通知书</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="518"/>
        <source>Double-click to open the notice</source>
        <translation>双击打开整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="530"/>
        <source>Paper slip</source>
        <translation>纸质处理单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/case_window.py" line="532"/>
        <source>Printed %n time(s)</source>
        <translation>
            <numerusform>已打印 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="539"/>
        <source>Signed copy returned</source>
        <translation>签字联已收回</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="542"/>
        <source>Filed</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="546"/>
        <source>where: binder, shelf</source>
        <translation>存放位置：卷宗、柜架</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="562"/>
        <source>History</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="576"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="577"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="585"/>
        <source>No action is open to you on this case.</source>
        <translation>您当前不能对此案件执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="601"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="79"/>
        <location filename="../../ui/case_window.py" line="606"/>
        <source>Complaint handling slip</source>
        <translation>客户投诉处理单</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="606"/>
        <source>Receipt for the customer</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="607"/>
        <source>Reply letter</source>
        <translation>投诉处理情况告知函</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="607"/>
        <source>Revisit record</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="612"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="682"/>
        <source>Customer reached</source>
        <translation>已联系上客户</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="683"/>
        <source>What happened</source>
        <translation>联系情况</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="684"/>
        <source>Override reason (only outside the contact rules)</source>
        <translation>破例理由（仅在联系时间规定之外时填写）</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="486"/>
        <location filename="../../ui/case_window.py" line="690"/>
        <source>Cause of the complaint</source>
        <translation>致诉原因</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="692"/>
        <source>Handling opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="694"/>
        <location filename="../../ui/case_window.py" line="719"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="696"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="697"/>
        <source>Fault and penalty decision</source>
        <translation>过失处理意见</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="709"/>
        <source>Why it cannot be resolved now</source>
        <translation>暂不能解决的原因</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="715"/>
        <source>Customer&apos;s comments</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="721"/>
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="722"/>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="723"/>
        <source>Preventive action</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="748"/>
        <source>Next allowed contact: {time}. No calls 22:00-08:30 and 12:00-13:30 unless the customer named a window; attempts at least 2 hours apart.</source>
        <translation>下次可联系时间：{time}。除客户指定时间外，22:00-08:30 及 12:00-13:30 不得联系客户；两次联系至少间隔 2 小时。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="753"/>
        <source>The customer&apos;s window: {start}-{end}.</source>
        <translation>客户指定的联系时间：{start}-{end}。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="758"/>
        <source>Revisit of {number}: {name}, {mobile}. Reply given {time}: {result}</source>
        <translation>回访 {number}：{name}，{mobile}。{time} 已答复：{result}</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="767"/>
        <source>Established when the facts are true or cannot be verified; only &apos;not true&apos; gives &apos;not established&apos;.</source>
        <translation>事实属实或无法核实的，投诉成立；只有事实不属实的，投诉不成立。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="823"/>
        <source>{action}: done. The case is now {state}.</source>
        <translation>{action}：已完成。案件现为“{state}”。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="269"/>
        <location filename="../../ui/case_window.py" line="444"/>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="446"/>
        <source>Counted on the statutory holidays: the official holiday arrangement for that year is not known yet, and the date may move when it is entered.</source>
        <translation>按法定节假日暂定推算：该年的节假日安排尚未公布，录入后期限可能变动。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="169"/>
        <source>Register and print slip and receipt (Ctrl+Shift+Enter)</source>
        <translation>登记并打印处理单和回执 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="245"/>
        <source>this mobile and this plate</source>
        <translation>该手机号和车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="246"/>
        <source>this mobile</source>
        <translation>该手机号</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="246"/>
        <source>this plate</source>
        <translation>该车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="248"/>
        <source>Open cases with {what}: {cases}. Check with the customer whether this is the same complaint before registering a new one.</source>
        <translation>{what}已有未结案件：{cases}。登记新投诉前，请先与客户确认是否为同一投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="271"/>
        <source>Registered as {number}. Reply by {reply_by}. Print the slip and the receipt for the customer (Ctrl+Shift+P).</source>
        <translation>已登记，编号 {number}。答复期限 {reply_by}。请打印处理单和回执交客户签字 (Ctrl+Shift+P)。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="293"/>
        <source>{number} - Slip and receipt</source>
        <translation>{number} - 处理单和回执</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="534"/>
        <source>Corrected after printing: reprint due</source>
        <translation>打印后已更正：须补打</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="595"/>
        <source>Correct intake…</source>
        <translation>更正受理信息…</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="596"/>
        <source>Correct a mistyped mobile, plate or name; the history keeps before and after</source>
        <translation>更正填错的手机号、车牌号或姓名；历史记录保留更正前后的内容</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="632"/>
        <source>Save correction (Ctrl+S)</source>
        <translation>保存更正 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="635"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="642"/>
        <source>Correct the customer&apos;s details or the matter, then save. The kind, the time of receipt and the classification cannot be changed here.</source>
        <translation>请更正客户信息或投诉事项后保存。投诉类型、受理时间和定级相关内容不能在此更改。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="664"/>
        <source>Intake corrected ({fields}). The printed slip no longer matches: reprint it (Ctrl+P) for signature.</source>
        <translation>受理信息已更正（{fields}）。已打印的处理单与记录不符：请补打 (Ctrl+P) 并重新签字。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="836"/>
        <source>Rectification notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="837"/>
        <source>Notice {number} is issued. Print it now for signature?</source>
        <translation>整改通知书 {number} 已下发。现在打印以供签字吗？</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="604"/>
        <source>Slip and receipt for the counter (Ctrl+Shift+P)</source>
        <translation>柜台用处理单和回执 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="707"/>
        <source>Why the case is complex</source>
        <translation>案情复杂的原因</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="763"/>
        <source>The reply is due {time}. A complex case gets a longer reply limit with the supervisor&apos;s approval; the extensions the policy allows are used in order.</source>
        <translation>当前答复期限为 {time}。案情复杂的案件经主管批准可延长答复期限，按时限方案允许的延期依次使用。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="819"/>
        <source>Rectification notice {number} issued to {department}; feedback by {time}.</source>
        <translation>整改通知书 {number} 已下发给{department}，整改反馈期限 {time}。</translation>
    </message>
    <message>
        <location filename="../../ui/case_window.py" line="739"/>
        <source>Reply letter (投诉处理情况告知函): a paragraph left empty is written from the handling record when the letter is printed</source>
        <translation>书面答复函（投诉处理情况告知函）：留空的段落在打印时按处理记录自动生成</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../ui/application.py" line="114"/>
        <source>Complaint Desk is already open</source>
        <translation>投诉台已经打开</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="250"/>
        <source>Preparing the demonstration cases…</source>
        <translation>正在准备演示案件…</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="275"/>
        <source>Demonstration: sign in as wangfang (reception), liuyang (handler) or chenjing (supervisor), password {password}.</source>
        <translation>演示模式：可用 wangfang（前台）、liuyang（承办人）或 chenjing（主管）登录，密码 {password}。</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="174"/>
        <source>Automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="177"/>
        <source>Automatic backup made: {file}</source>
        <translation>已自动备份：{file}</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="192"/>
        <source>Backup on exit</source>
        <translation>退出时备份</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="87"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88"/>
        <source>Save under another name…</source>
        <translation>另存为其他文件名…</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <location filename="../../ui/drafts.py" line="115"/>
        <source>The draft could not be saved ({reason}); it will be tried again. Register the slip or keep this window open.</source>
        <translation>草稿未能保存（{reason}），稍后将自动重试。请登记此单，或保持本窗口打开。</translation>
    </message>
</context>
<context>
    <name>EnrolmentPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="136"/>
        <location filename="../../ui/first_run.py" line="168"/>
        <source>Headquarters enrolment file</source>
        <translation>总部注册文件</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="141"/>
        <source>No file: enrol later</source>
        <translation>暂不选择：稍后注册</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="142"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="146"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="169"/>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>注册文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="204"/>
        <source>Headquarters: {name} ({code})
Fingerprint: {fingerprint}
Compare the fingerprint with the one headquarters gives you by telephone.</source>
        <translation>总部：{name}（{code}）
指纹：{fingerprint}
请与总部电话告知的指纹核对。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="137"/>
        <source>Optional. Choose the file headquarters sent (complaint-desk enrolment, .json). You can also import it later: Exchange &gt; Import an enrolment file…</source>
        <translation>可选。请选择总部发来的登记文件（投诉台登记文件，.json）。也可以以后在“数据交换 → 导入登记文件…”中导入。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="152"/>
        <source>I compared this fingerprint with headquarters by telephone: it is the same</source>
        <translation>我已与总部电话核对此指纹，两者一致</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="184"/>
        <source>Compare the fingerprint with headquarters by telephone, then tick the box (or clear the file to enrol later).</source>
        <translation>请先与总部电话核对指纹，再勾选确认框（或清空文件，以后再登记）。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run.py" line="246"/>
        <source>Complaint Desk - First start</source>
        <translation>投诉台 - 首次启动</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="260"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="261"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="262"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="263"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="287"/>
        <source>Headquarters enrolment file</source>
        <translation>总部注册文件</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="288"/>
        <source>The desk was created, but headquarters could not be enrolled: {error}
Import the file again: Exchange &gt; Import an enrolment file…</source>
        <translation>投诉台已创建，但未能登记总部：{error}
请在“数据交换 → 导入登记文件…”中重新导入。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/guide.py" line="19"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../ui/guide.py" line="31"/>
        <source>The user guide is missing from this installation ({path}).</source>
        <translation>本安装缺少使用指南（{path}）。</translation>
    </message>
    <message>
        <location filename="../../ui/guide.py" line="36"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="11"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="12"/>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <source>Help request</source>
        <translation>求助</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Misconduct report</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>Discovered by staff</source>
        <translation>发掘性</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>Collective</source>
        <translation>集中性</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>In person</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <location filename="../../ui/labels.py" line="87"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Government referral</source>
        <translation>政府部门转办</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Headquarters referral</source>
        <translation>总部转办</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Repair quality</source>
        <translation>维修质量</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Delay</source>
        <translation>时效延误</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Parts delay</source>
        <translation>配件延误</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Price and charges</source>
        <translation>价格收费</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Claims</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <location filename="../../ui/labels.py" line="55"/>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Auto insurance</source>
        <translation>车险</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>Property insurance</source>
        <translation>财产险</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Accident and health</source>
        <translation>意健险</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Investigating</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Pending approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <location filename="../../ui/labels.py" line="155"/>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Pending matter</source>
        <translation>未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Closed (non-normal)</source>
        <translation>非正常结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>three or more complainants</source>
        <translation>三人以上投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>media or internet involved</source>
        <translation>媒体或网络介入</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>taken to a government body</source>
        <translation>向政府部门或消协等投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>threat to staff safety</source>
        <translation>威胁员工安全</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>amount over the threshold</source>
        <translation>涉及金额达到标准</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>important customer</source>
        <translation>重要客户</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>complained to headquarters</source>
        <translation>向集团总部投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>court action</source>
        <translation>诉讼</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>repeated complaint not resolved</source>
        <translation>多次投诉仍未解决</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>True</source>
        <translation>属实</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>Not true</source>
        <translation>不属实</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Cannot be verified</source>
        <translation>无法核实</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="104"/>
        <source>Reception</source>
        <translation>前台受理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>General manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Feedback received</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>Failed verification</source>
        <translation>验证未通过</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118"/>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119"/>
        <source>Report to supervisor</source>
        <translation>上报主管</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>Add investigation</source>
        <translation>添加调查记录</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>Conclude</source>
        <translation>处理结论</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>Record reply</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="126"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127"/>
        <source>Make pending matter</source>
        <translation>转未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>Close non-normally</source>
        <translation>非正常结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>Issue rectification notice</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>Record feedback</source>
        <translation>填写整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Report to supervisor by</source>
        <translation>上报期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Receipt to customer by</source>
        <translation>受理回执期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>Responsibility determined by</source>
        <translation>责任认定期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>Reply by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>Revisit by</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>Feedback by</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>On time</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Closed non-normally</source>
        <translation>非正常结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <source>Notice feedback</source>
        <translation>整改反馈</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>Notice verified</source>
        <translation>整改验证</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>Extend reply deadline</source>
        <translation>延长答复期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>Reply deadline extended</source>
        <translation>已延长答复期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>Intake corrected</source>
        <translation>更正受理信息</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164"/>
        <source>Slip printed</source>
        <translation>打印处理单</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Receipt printed</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="166"/>
        <source>Revisit record printed</source>
        <translation>打印回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="167"/>
        <source>Reply letter printed</source>
        <translation>打印告知函</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>Notice printed</source>
        <translation>打印整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Imported from an old register</source>
        <translation>从旧台帐导入</translation>
    </message>
</context>
<context>
    <name>LedgerPrintouts</name>
    <message>
        <location filename="../../ui/views/common.py" line="95"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="97"/>
        <source>Excel...</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="117"/>
        <location filename="../../ui/views/common.py" line="142"/>
        <source>Preparing the ledger...</source>
        <translation>正在生成台帐…</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="126"/>
        <location filename="../../ui/views/common.py" line="135"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="138"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="86"/>
        <source>Complaint Desk is locked</source>
        <translation>投诉台已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="91"/>
        <source>The desk was locked because it was not used for a while. {name} is signed in: enter the password to continue.</source>
        <translation>投诉台因一段时间无人操作已锁定。当前登录用户为{name}：请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="99"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="100"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="102"/>
        <source>Another user may sign in instead: the windows of {name} are closed and unregistered slips are kept as drafts.</source>
        <translation>也可由其他用户登录：{name}打开的窗口将关闭，未登记的处理单保存为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="109"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="142"/>
        <source>This account must choose its own password first: sign out, then sign in with it.</source>
        <translation>该账户须先设置自己的密码：请退出登录，再用该账户登录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Complaint Desk</source>
        <translation>投诉台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>Register</source>
        <translation>登记台帐</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>Pending matters</source>
        <translation>未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Rectification</source>
        <translation>整改台帐</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Number check</source>
        <translation>编号核对</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Ctrl+{n}</source>
        <translation>Ctrl+{n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>{name} ({role}) · {branch}</source>
        <translation>{name}（{role}）· {branch}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Unsaved slip</source>
        <translation>未保存的投诉单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389"/>
        <source>A slip you were filling in on {time} was not registered. Open it again?</source>
        <translation>您在 {time} 填写的投诉单尚未登记。是否重新打开？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Holidays of {year} not known: deadlines into {year} are provisional</source>
        <translation>{year} 年节假日安排未录入：涉及 {year} 年的期限为暂定</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>The official holiday arrangement for {year} is not entered. Deadlines that reach into {year} are counted on the statutory holidays and may move when it is published. An administrator enters it in Settings &gt; Calendar, or headquarters distributes it with its policy.</source>
        <translation>尚未录入 {year} 年的节假日安排。延伸到 {year} 年的期限暂按法定节假日推算，安排公布后可能变动。请管理员在“设置 &gt; 工作日历”中录入，或由总部随政策下发。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>The draft kept on {time} is open again. Register it, or discard it for an empty slip.</source>
        <translation>已重新打开 {time} 保存的草稿。请登记，或放弃草稿后新建空白处理单。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>Branches</source>
        <translation>各机构概览</translation>
    </message>
</context>
<context>
    <name>MyWork</name>
    <message>
        <location filename="../../ui/views/my_work.py" line="14"/>
        <source>Handle and reply</source>
        <translation>处理并答复</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="20"/>
        <source>Contact attempt due today</source>
        <translation>今天须联系客户</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="21"/>
        <source>Pending matter: follow up</source>
        <translation>未了事宜：跟进</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="22"/>
        <source>Assign a handler</source>
        <translation>分派承办人</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="23"/>
        <source>Approve or return</source>
        <translation>审批或退回</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="24"/>
        <source>Revisit done? Close</source>
        <translation>回访完成后结案</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="25"/>
        <source>Verify rectification</source>
        <translation>验证整改</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="27"/>
        <source>Revisit the customer</source>
        <translation>回访客户</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="28"/>
        <source>Report on rectification notice</source>
        <translation>填写整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="15"/>
        <source>Replied: submit for approval</source>
        <translation>已答复：提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="16"/>
        <source>Determine responsibility</source>
        <translation>认定责任</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="17"/>
        <source>Give the customer the receipt</source>
        <translation>向客户出具受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="18"/>
        <source>Report to the supervisor</source>
        <translation>上报主管</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="19"/>
        <source>Unregistered slip (draft)</source>
        <translation>未登记的处理单（草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="26"/>
        <source>Feedback on notice due: remind the department</source>
        <translation>整改反馈到期：提醒责任部门</translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message>
        <location filename="../../ui/views/my_work.py" line="39"/>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="40"/>
        <source>New slip (Ctrl+N)</source>
        <translation>新建投诉单 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="42"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="55"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="55"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="55"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="56"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="56"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="56"/>
        <source>Summary</source>
        <translation>内容概要</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="149"/>
        <source>Nothing to do right now.</source>
        <translation>目前没有待办事项。</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="155"/>
        <source>At most {limit} shown, the most urgent first; the register has all.</source>
        <translation>最多显示{limit}条，最紧急的在前；全部事项见投诉登记台帐。</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="75"/>
        <source>The holiday arrangement for {year} is not known yet: deadlines that reach into {year} are counted on the statutory holidays and may move when it is published.</source>
        <translation>{year} 年的节假日安排尚未录入：延伸到 {year} 年的期限暂按法定节假日推算，安排公布后可能变动。</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="79"/>
        <source>Enter it in Settings &gt; Calendar.</source>
        <translation>请在“设置 &gt; 工作日历”中录入。</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="80"/>
        <source>The administrator enters it in Settings &gt; Calendar, or headquarters distributes it.</source>
        <translation>由管理员在“设置 &gt; 工作日历”中录入，或由总部下发。</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="56"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/views/my_work.py" line="102"/>
        <source>kept {time}</source>
        <translation>保存于 {time}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="123"/>
        <source> and %n more</source>
        <translation>
            <numerusform>等另外 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="129"/>
        <source>Overdue: %n.</source>
        <translation>
            <numerusform>已逾期 %n 项：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="131"/>
        <source>Due today: %n.</source>
        <translation>
            <numerusform>今天到期 %n 项：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="150"/>
        <source>%n thing(s) to do: </source>
        <translation>
            <numerusform>共 %n 项待办：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="150"/>
        <source>%n overdue, </source>
        <translation>
            <numerusform>%n 项逾期，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="151"/>
        <source>%n due today.</source>
        <translation>
            <numerusform>%n 项今天到期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/my_work.py" line="153"/>
        <source>%n unregistered slip(s) kept as drafts.</source>
        <translation>
            <numerusform>另有 %n 份未登记的处理单保存为草稿。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeWindow</name>
    <message>
        <location filename="../../ui/notice_form.py" line="36"/>
        <source>{number} - Rectification notice</source>
        <translation>{number} - 整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="39"/>
        <source>Rectification Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="47"/>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="48"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="49"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="50"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="51"/>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="52"/>
        <source>Feedback by</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="53"/>
        <source>Follows</source>
        <translation>前序通知书</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="53"/>
        <source>(first notice)</source>
        <translation>（首次通知）</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="55"/>
        <source>Problem and required actions</source>
        <translation>存在问题及整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="56"/>
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="57"/>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="58"/>
        <source>Preventive action</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="60"/>
        <source>Rectification report</source>
        <translation>整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="61"/>
        <location filename="../../ui/notice_form.py" line="125"/>
        <source>Actions taken</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="61"/>
        <source>not reported yet</source>
        <translation>尚未反馈</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="62"/>
        <location filename="../../ui/notice_form.py" line="69"/>
        <location filename="../../ui/notice_form.py" line="126"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="63"/>
        <location filename="../../ui/notice_form.py" line="127"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="66"/>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="67"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="67"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="67"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="68"/>
        <source>Verifier</source>
        <translation>验证人</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="70"/>
        <location filename="../../ui/notice_form.py" line="135"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="72"/>
        <source>Follow-up chain</source>
        <translation>整改通知书链</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="110"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="115"/>
        <source>Open case {number}</source>
        <translation>打开案件 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="128"/>
        <source>Problem: {problem}
Corrective action required: {corrective}</source>
        <translation>存在问题：{problem}
纠正措施要求：{corrective}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="136"/>
        <source>A failed verification issues a follow-up notice to the same department.</source>
        <translation>验证未通过时，将向同一部门再次下发整改通知书。</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="150"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="152"/>
        <source>Verification failed: follow-up notice {number} issued.</source>
        <translation>验证未通过：已再次下发整改通知书 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="132"/>
        <source>Is the rectification effective?</source>
        <translation>整改是否有效？</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="133"/>
        <source>Effective: verified</source>
        <translation>有效：验证通过</translation>
    </message>
    <message>
        <location filename="../../ui/notice_form.py" line="134"/>
        <source>Not effective: issue a follow-up notice</source>
        <translation>无效：再次下发整改通知书</translation>
    </message>
</context>
<context>
    <name>NumberCheckView</name>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="22"/>
        <source>Number check</source>
        <translation>编号核对</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="28"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="31"/>
        <source>Series</source>
        <translation>编号系列</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="31"/>
        <source>Issued</source>
        <translation>已发号</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="31"/>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="31"/>
        <location filename="../../ui/views/numbers_view.py" line="129"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="32"/>
        <source>Gaps</source>
        <translation>断号</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="32"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="32"/>
        <source>Signed copy missing</source>
        <translation>签字联未收回</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="33"/>
        <source>Check</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="66"/>
        <source>Monthly reconciliation statement</source>
        <translation>月度对账单</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="54"/>
        <source>Preview statement...</source>
        <translation>预览对账单…</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="56"/>
        <location filename="../../ui/views/numbers_view.py" line="166"/>
        <source>Close the month</source>
        <translation>月结</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="58"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="64"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="64"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="64"/>
        <source>Numbers</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="68"/>
        <source>Paper slips</source>
        <translation>纸质处理单</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="93"/>
        <source>Complaint slips</source>
        <translation>投诉处理单</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="93"/>
        <source>Rectification notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="101"/>
        <source>In order</source>
        <translation>无误</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="101"/>
        <source>Check!</source>
        <translation>需核查！</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="104"/>
        <source>Gaps in {series}: {gaps}</source>
        <translation>{series}存在断号：{gaps}</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="107"/>
        <source>Slips never printed: {numbers}</source>
        <translation>从未打印的处理单：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="110"/>
        <source>Every number is accounted for.</source>
        <translation>所有编号均有着落。</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="125"/>
        <source>Opened</source>
        <translation>新受理</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="127"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="128"/>
        <source>Closed non-normally</source>
        <translation>非正常结案</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="131"/>
        <source>Carried over to next month</source>
        <translation>结转下月</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="132"/>
        <source>Pending matters</source>
        <translation>未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="133"/>
        <source>Rectification notices issued</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="137"/>
        <source>Closed by {name} on {time}</source>
        <translation>{name} 于 {time} 月结</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="153"/>
        <source>Monthly reconciliation statement {period}</source>
        <translation>{period} 月度对账单</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="158"/>
        <source>Preparing the statement...</source>
        <translation>正在生成对账单…</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="167"/>
        <source>Close {period}? The statement is then fixed and printed for the branch manager&apos;s signature.</source>
        <translation>确定对 {period} 进行月结？月结后对账单将固定，并打印交分公司经理签字。</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="173"/>
        <source>{period} closed.</source>
        <translation>{period} 已月结。</translation>
    </message>
    <message>
        <location filename="../../ui/views/numbers_view.py" line="142"/>
        <source>{period} can be closed once the month has ended ({end}).</source>
        <translation>{period} 须在月份结束后才能月结（结束于 {end}）。</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../ui/ops.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/ops.py" line="107"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>PaperStatusPanel</name>
    <message>
        <location filename="../../ui/report_views.py" line="135"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="135"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="135"/>
        <location filename="../../ui/report_views.py" line="139"/>
        <source>Signed copy returned</source>
        <translation>签字联已收回</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="136"/>
        <location filename="../../ui/report_views.py" line="141"/>
        <source>Filed</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="136"/>
        <source>Scans</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="136"/>
        <source>Filed in</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="143"/>
        <source>Attach scan...</source>
        <translation>附加扫描件…</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="161"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="161"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="170"/>
        <source>{count} slips; {unsigned} printed but not signed back</source>
        <translation>共 {count} 张处理单；其中 {unsigned} 张已打印但签字联未收回</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="180"/>
        <location filename="../../ui/report_views.py" line="191"/>
        <source>Select a slip first.</source>
        <translation>请先选择一张处理单。</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="185"/>
        <source>{number} updated.</source>
        <translation>{number} 已更新。</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="196"/>
        <source>Scan of the signed slip</source>
        <translation>签字处理单扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="197"/>
        <source>Images and PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="202"/>
        <source>Scan attached to {number}.</source>
        <translation>扫描件已附加到 {number}。</translation>
    </message>
</context>
<context>
    <name>PendingView</name>
    <message>
        <location filename="../../ui/views/pending.py" line="17"/>
        <source>Pending matters</source>
        <translation>未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="18"/>
        <source>Still pending only</source>
        <translation>仅显示未恢复的</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="21"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="23"/>
        <source>Pending-matters ledger</source>
        <translation>未了事宜台帐</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="33"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="33"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="33"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="33"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="34"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="34"/>
        <source>Why pending</source>
        <translation>未了原因</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="34"/>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="34"/>
        <source>Resumed</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="35"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="35"/>
        <source>Summary</source>
        <translation>内容概要</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/pending.py" line="56"/>
        <source>%n pending matter(s). The reply clock of each is paused until it is resumed.</source>
        <translation>
            <numerusform>共 %n 项未了事宜。恢复处理前，其答复时限暂停计算。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/pending.py" line="59"/>
        <source>Customer reminders for {month}: {count} matter(s), due on {due}.</source>
        <translation>{month} 的未了事宜客户提醒：共 {count} 项，须于 {due} 前完成。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="46"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="47"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="48"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="75"/>
        <source>The printout could not be displayed.</source>
        <translation>无法显示打印内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/print_preview.py" line="84"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="98"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="105"/>
        <location filename="../../ui/print_preview.py" line="231"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="105"/>
        <location filename="../../ui/print_preview.py" line="232"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="112"/>
        <source>No printer</source>
        <translation>没有打印机</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="113"/>
        <source>No printer is installed on this computer. Save the printout as PDF and print it elsewhere, or ask your administrator to install a printer.</source>
        <translation>此电脑未安装打印机。请将打印内容另存为 PDF 后在别处打印，或请管理员安装打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="123"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="124"/>
        <source>The printout was not printed: {0}. Check that the printer is switched on, connected and has paper, then try again.</source>
        <translation>未能打印：{0}。请检查打印机是否已开机、已连接且有纸，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="161"/>
        <source>the printer could not be opened</source>
        <translation>无法打开打印机</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="176"/>
        <source>the printer refused a new page</source>
        <translation>打印机拒绝新的一页</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="183"/>
        <source>the printout could not be rendered ({0})</source>
        <translation>打印内容无法渲染（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="203"/>
        <source>page {0} could not be rendered</source>
        <translation>第 {0} 页无法渲染</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="186"/>
        <source>the print job could not be finished</source>
        <translation>打印任务无法完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="226"/>
        <location filename="../../ui/print_preview.py" line="236"/>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="237"/>
        <source>The PDF could not be saved: {0}. Choose another folder or free some space.</source>
        <translation>PDF 未能保存：{0}。请选择其他文件夹或释放磁盘空间。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="9"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="10"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="11"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="12"/>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="7"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="8"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="13"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>RectificationView</name>
    <message>
        <location filename="../../ui/views/rectification.py" line="18"/>
        <location filename="../../ui/views/rectification.py" line="23"/>
        <source>Rectification ledger</source>
        <translation>整改台帐</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="19"/>
        <source>Open notices only</source>
        <translation>仅显示未完成的通知书</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="21"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="29"/>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="29"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="29"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="29"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="30"/>
        <source>Feedback by</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="30"/>
        <source>Follows</source>
        <translation>前序通知书</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="30"/>
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/views/rectification.py" line="30"/>
        <source>Feedback given</source>
        <translation>反馈时间</translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <location filename="../../ui/views/register.py" line="66"/>
        <location filename="../../ui/views/register.py" line="313"/>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="75"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="76"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="77"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="78"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="79"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="80"/>
        <source>Reply by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="81"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="82"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="83"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="84"/>
        <source>Summary</source>
        <translation>内容概要</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="85"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="86"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="87"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="88"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>RegisterImportDialog</name>
    <message>
        <location filename="../../ui/register_import.py" line="53"/>
        <source>Import an old register</source>
        <translation>导入旧台帐</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="58"/>
        <source>An Excel file (.xlsx, .xls) or a CSV file (UTF-8 or GBK)</source>
        <translation>Excel 文件（.xlsx、.xls）或 CSV 文件（UTF-8 或 GBK 编码）</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="59"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="79"/>
        <source>Register file</source>
        <translation>台帐文件</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="81"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="82"/>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="83"/>
        <source>Channel where the register does not say</source>
        <translation>台帐未注明时的受理渠道</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="86"/>
        <source>Column in the register</source>
        <translation>台帐中的列</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="86"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="87"/>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="102"/>
        <source>How each column is imported</source>
        <translation>各列的导入方式</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="107"/>
        <source>The first rows, as they will be imported</source>
        <translation>前几行的导入结果</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="115"/>
        <source>Check the whole file</source>
        <translation>检查整个文件</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="117"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="119"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="134"/>
        <source>Choose the old register</source>
        <translation>选择旧台帐</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="135"/>
        <source>Registers (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>台帐文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="210"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="214"/>
        <source>(column {number} without a title)</source>
        <translation>（第 {number} 列，无列名）</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="229"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="229"/>
        <source>Will be</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="236"/>
        <source>Already imported as {number}</source>
        <translation>已导入，编号 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="239"/>
        <source>Refused: {reason}</source>
        <translation>不予导入：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="248"/>
        <source>Imported, closed</source>
        <translation>导入，已结案</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="249"/>
        <source>Imported, open</source>
        <translation>导入，未结案</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="281"/>
        <source>Checking the register…</source>
        <translation>正在检查台帐…</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="281"/>
        <source>Importing the register…</source>
        <translation>正在导入台帐…</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="293"/>
        <source>Check only, nothing written: {imported} rows would be imported ({closed} closed, {open} open), {skipped} are already imported, {refused} would be refused.</source>
        <translation>仅检查，未写入任何数据：可导入 {imported} 行（已结案 {closed}，未结案 {open}），此前已导入 {skipped} 行，不予导入 {refused} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="296"/>
        <source>Imported {imported} rows ({closed} closed, {open} open); {skipped} were already imported; {refused} refused.</source>
        <translation>已导入 {imported} 行（已结案 {closed}，未结案 {open}）；此前已导入 {skipped} 行；不予导入 {refused} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="304"/>
        <source>Numbers {first} to {last}; the slip numbers are not used.</source>
        <translation>编号 {first} 至 {last}；不占用投诉处理单编号。</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="307"/>
        <source>The refused rows, with the reason for each, are in {file}: correct them there and import that file.</source>
        <translation>不予导入的行及其原因已写入 {file}：请在该文件中更正后导入该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="311"/>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="314"/>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="325"/>
        <source>Import an old register…</source>
        <translation>导入旧台帐…</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="74"/>
        <source>Complaint register 投诉登记台帐: open rows come in accepted</source>
        <translation>投诉登记台帐：未结案的行导入为已受理</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="75"/>
        <source>Pending-matters register 未了事宜台帐: open rows come in as pending matters</source>
        <translation>未了事宜台帐：未结案的行导入为未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="80"/>
        <source>Register</source>
        <translation>台帐种类</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="245"/>
        <source>Imported, a pending matter (follow up {date})</source>
        <translation>导入为未了事宜（跟进日期 {date}）</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="242"/>
        <source>A pending matter of {number} (follow up {date})</source>
        <translation>转为案件 {number} 的未了事宜（跟进日期 {date}）</translation>
    </message>
    <message>
        <location filename="../../ui/register_import.py" line="301"/>
        <source>Of the open rows, {count} are pending matters with their follow-up dates.</source>
        <translation>未结案的行中有 {count} 件导入为未了事宜，附跟进日期。</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../ui/views/register.py" line="100"/>
        <location filename="../../ui/views/register.py" line="423"/>
        <source>Complaint register</source>
        <translation>投诉登记台帐</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="101"/>
        <source>New slip (Ctrl+N)</source>
        <translation>新建投诉单 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="105"/>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="118"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="119"/>
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="120"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="124"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="128"/>
        <source>Any severity</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="132"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/register.py" line="266"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="409"/>
        <location filename="../../ui/views/register.py" line="465"/>
        <source>Export the register</source>
        <translation>导出登记台帐</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="469"/>
        <source>Exporting the register...</source>
        <translation>正在导出登记台帐…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/register.py" line="467"/>
        <source>%n case(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="115"/>
        <source>Search number, name, phone, plate, claim no., person or department complained about, or words; or scan a slip (Ctrl+F)</source>
        <translation>检索编号、姓名、电话、车牌号、报案号、被投诉人或被投诉部门，或输入词语；也可扫描处理单 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="103"/>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="410"/>
        <location filename="../../ui/views/register.py" line="466"/>
        <source>Excel files (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="147"/>
        <source>Show every branch</source>
        <translation>显示全部机构</translation>
    </message>
    <message>
        <location filename="../../ui/views/register.py" line="241"/>
        <source>Cases of {name} ({code})</source>
        <translation>{name}（{code}）的案件</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../ui/report_views.py" line="33"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="34"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="35"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="36"/>
        <source>Department complained about</source>
        <translation>被投诉部门</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="74"/>
        <source>(no cases)</source>
        <translation>（无案件）</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="104"/>
        <source>Revisit satisfaction</source>
        <translation>回访满意度</translation>
    </message>
    <message>
        <location filename="../../ui/report_views.py" line="115"/>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/views/reports_view.py" line="14"/>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="15"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="16"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="17"/>
        <source>By severity</source>
        <translation>按级别</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="18"/>
        <source>By origin</source>
        <translation>按来源</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="19"/>
        <source>By department complained about</source>
        <translation>按被投诉部门</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="34"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="37"/>
        <source>A month (2026-11) or a year (2026)</source>
        <translation>月份（2026-11）或年度（2026）</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="38"/>
        <source>Preview PDF...</source>
        <translation>预览 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="40"/>
        <source>Save Excel...</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="42"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="52"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="52"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="96"/>
        <source>{branch}, {title} (as of {as_of})</source>
        <translation>{branch}，{title}（截至 {as_of}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="99"/>
        <source>Cases received (misconduct reports excluded)</source>
        <translation>受理件数（不含举报）</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="100"/>
        <source>of which complaints</source>
        <translation>其中投诉</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="101"/>
        <source>Closed / closed non-normally / still open</source>
        <translation>已结案 / 非正常结案 / 未结案</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="103"/>
        <source>Pending matters</source>
        <translation>未了事宜</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="104"/>
        <source>Established rate</source>
        <translation>投诉成立率</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="106"/>
        <source>Acknowledged in time</source>
        <translation>受理及时率</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="108"/>
        <source>Replied in time</source>
        <translation>答复及时率</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="110"/>
        <source>Revisit rate</source>
        <translation>回访率</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="111"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="114"/>
        <source>Average handling time</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="114"/>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="116"/>
        <source>Repeat complainants</source>
        <translation>重复投诉客户</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="117"/>
        <source>Rectification notices issued / verified / failed / overdue</source>
        <translation>整改通知书 下发 / 验证通过 / 未通过 / 超期</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="120"/>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="129"/>
        <source>Top causes</source>
        <translation>主要致诉原因</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="141"/>
        <source>Complaint report {period}</source>
        <translation>{period} 客户投诉处理报表</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="146"/>
        <location filename="../../ui/views/reports_view.py" line="164"/>
        <source>Preparing the report...</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="150"/>
        <location filename="../../ui/views/reports_view.py" line="159"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="151"/>
        <location filename="../../ui/views/reports_view.py" line="159"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="161"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/restore.py" line="68"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="77"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="82"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="92"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="93"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="98"/>
        <source>Highest numbers printed</source>
        <translation>已打印的最大编号</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="96"/>
        <source>No slip or notice number was issued since the backup</source>
        <translation>备份之后未发出过任何处理单或整改通知书编号</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="101"/>
        <source>Numbers printed on paper after the backup are recorded as voided, so none is ever issued twice. The damaged file is kept aside, not deleted.</source>
        <translation>备份之后已打印在纸上的编号将登记为作废，任何编号都不会重复发出。损坏的文件会另行保留，不会删除。</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="108"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="110"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="125"/>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="141"/>
        <source>Choose the backup to restore first.</source>
        <translation>请先选择要恢复的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="134"/>
        <source>The damaged file does not tell which numbers were issued after the backup: enter the highest slip and notice numbers printed on paper, or tick that none was issued.</source>
        <translation>无法从损坏的文件得知备份之后发出了哪些编号：请输入纸面上已打印的最大处理单及整改通知书编号，或勾选未发出过编号。</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="152"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="153"/>
        <source>The database was restored from {file}. Numbers recorded as voided: {voided}. The damaged file is kept as {aside}.</source>
        <translation>已从 {file} 恢复数据库。登记为作废的编号：{voided}。损坏的文件保留为 {aside}。</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="68"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="76"/>
        <source>a backup file (.sqlite3 or .cdbackup), for example on a USB stick</source>
        <translation>备份文件（.sqlite3 或 .cdbackup），例如U盘上的备份</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="85"/>
        <source>Backup password</source>
        <translation>备份密码</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="125"/>
        <source>Backups (*.sqlite3 *.cdbackup);;All files (*)</source>
        <translation>备份文件 (*.sqlite3 *.cdbackup);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/restore.py" line="132"/>
        <source>This backup is sealed: enter its backup password.</source>
        <translation>该备份已加密：请输入备份密码。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="33"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="36"/>
        <location filename="../../ui/views/settings_view.py" line="70"/>
        <source>This desk</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="47"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="57"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="59"/>
        <source>Signed in as {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="74"/>
        <location filename="../../ui/views/settings_view.py" line="161"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="163"/>
        <location filename="../../ui/views/settings_view.py" line="266"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="163"/>
        <location filename="../../ui/views/settings_view.py" line="266"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="163"/>
        <location filename="../../ui/views/settings_view.py" line="267"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="163"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="164"/>
        <location filename="../../ui/views/settings_view.py" line="267"/>
        <location filename="../../ui/views/settings_view.py" line="268"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="169"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="171"/>
        <source>display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="176"/>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="179"/>
        <location filename="../../ui/views/settings_view.py" line="268"/>
        <location filename="../../ui/views/settings_view.py" line="272"/>
        <source>initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="181"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="190"/>
        <source>Reset password of the selected user</source>
        <translation>重置所选用户的密码</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="191"/>
        <source>Gives the user the initial password typed above; they choose their own at the next sign-in. Also unlocks a locked account.</source>
        <translation>将上面输入的初始密码设为该用户的密码；用户下次登录时须设置自己的密码。同时解除账户锁定。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="194"/>
        <source>Deactivate the selected user</source>
        <translation>停用所选用户</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="217"/>
        <location filename="../../ui/views/settings_view.py" line="232"/>
        <location filename="../../ui/views/settings_view.py" line="278"/>
        <source>Select a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="223"/>
        <source>{user} must choose a new password at the next sign-in.</source>
        <translation>{user} 下次登录时须设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="234"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="235"/>
        <source>{user} will no longer be able to sign in. Their cases and history stay.</source>
        <translation>{user} 将无法再登录。其经办的案件和处理记录会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="239"/>
        <source>{user} deactivated.</source>
        <translation>已停用 {user}。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="259"/>
        <source>(no supervisor)</source>
        <translation>（无上级）</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="293"/>
        <source>{user} added; they choose their own password at first sign-in.</source>
        <translation>已添加 {user}；该用户首次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="50"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="51"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="53"/>
        <source>Lock the screen after this many minutes without keyboard or mouse input (0: never).</source>
        <translation>无键盘或鼠标操作达到此分钟数后锁定屏幕（0：从不锁定）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="56"/>
        <source>Lock the screen when idle</source>
        <translation>空闲时锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="78"/>
        <source>Calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="117"/>
        <source>Branch profile (printed on the customer&apos;s receipt)</source>
        <translation>网点信息（印在客户回执上）</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="122"/>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="122"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="122"/>
        <source>Office hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="123"/>
        <source>e.g. 021-58881234</source>
        <translation>如 021-58881234</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="123"/>
        <source>e.g. 上海市浦东新区世纪大道100号1楼</source>
        <translation>如 上海市浦东新区世纪大道100号1楼</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="124"/>
        <source>e.g. 工作日 9:00-17:00</source>
        <translation>如 工作日 9:00-17:00</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="132"/>
        <source>Save branch profile</source>
        <translation>保存网点信息</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="156"/>
        <source>Branch profile saved: receipts printed from now on show it.</source>
        <translation>网点信息已保存：此后打印的回执将载明。</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="196"/>
        <source>Edit the selected user…</source>
        <translation>修改所选用户…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="61"/>
        <source>Reply templates…</source>
        <translation>常用语…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="63"/>
        <source>Standard words for the action forms</source>
        <translation>处理表单中的常用语</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="26"/>
        <source>Complaint Desk - Sign in</source>
        <translation>投诉台 - 登录</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="28"/>
        <source>Complaint Desk</source>
        <translation>投诉台</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="44"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="45"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="50"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="51"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="58"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="59"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="91"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="92"/>
        <source>Your password was set by an administrator: choose your own before you start.</source>
        <translation>您的密码由管理员设置，请先设置您自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="98"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>SlipIntake</name>
    <message>
        <location filename="../../ui/slip_intake.py" line="51"/>
        <source>Receipt</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="52"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="53"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="55"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="56"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="58"/>
        <source>Original document no.</source>
        <translation>原件编号</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="59"/>
        <source>letter or fax number</source>
        <translation>信函或传真编号</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="61"/>
        <source>Receiver</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="65"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="66"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="67"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="70"/>
        <source>Relation to insured / owner</source>
        <translation>与被保险人(车主)关系</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="73"/>
        <source>Self</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="73"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="73"/>
        <source>Relative</source>
        <translation>亲属</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="73"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="74"/>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="75"/>
        <source>Identity</source>
        <translation>投诉人身份</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="77"/>
        <source>Vehicle owner</source>
        <translation>车主</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="77"/>
        <source>Policy holder</source>
        <translation>投保人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="77"/>
        <source>Insured</source>
        <translation>被保险人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="78"/>
        <source>Beneficiary</source>
        <translation>受益人</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="78"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="78"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="79"/>
        <source>Contact person</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="80"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="83"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="85"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="86"/>
        <source>Important customer (VIP)</source>
        <translation>重要客户 (VIP)</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="92"/>
        <source>Matter</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="93"/>
        <source>Cause</source>
        <translation>缘由</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="94"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="98"/>
        <source>Claim / report no.</source>
        <translation>报案号</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="99"/>
        <source>Plate number</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="101"/>
        <source>Number of complainants</source>
        <translation>投诉人数</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="103"/>
        <source>Department complained about</source>
        <translation>被投诉部门</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="106"/>
        <source>Person complained about</source>
        <translation>被投诉人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="116"/>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="121"/>
        <location filename="../../ui/slip_intake.py" line="122"/>
        <source>Amount involved</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="127"/>
        <source>Media / internet</source>
        <translation>媒体/网络</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="127"/>
        <source>Government / consumer body</source>
        <translation>政府部门/消协</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="128"/>
        <source>Threat to staff</source>
        <translation>威胁员工安全</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="128"/>
        <source>Complained to headquarters</source>
        <translation>向总部投诉</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="129"/>
        <source>Court action</source>
        <translation>诉讼</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="138"/>
        <source>Circumstances</source>
        <translation>特殊情形</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="142"/>
        <source>What happened and what the customer wants</source>
        <translation>投诉内容及诉求</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="145"/>
        <source>Time, place, people and course of events</source>
        <translation>时间、地点、人物及事情经过</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="147"/>
        <source>Complaint content</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="148"/>
        <source>Summary</source>
        <translation>内容概要</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="151"/>
        <source>Remedy the customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="155"/>
        <source>Customer named a contact window</source>
        <translation>客户指定了联系时间</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="170"/>
        <location filename="../../ui/slip_intake.py" line="171"/>
        <source>Contact window</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="254"/>
        <source>{n} of 11 digits</source>
        <translation>已输入 {n} 位，共 11 位</translation>
    </message>
    <message>
        <location filename="../../ui/slip_intake.py" line="265"/>
        <source>the window must not be empty</source>
        <translation>时间段不能为空</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="213"/>
        <source>Ready to create the desk</source>
        <translation>准备创建投诉台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="214"/>
        <source>Check the details, then press Create.</source>
        <translation>请核对以下信息，然后点击“创建”。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="225"/>
        <source>Branch: {code} {name}</source>
        <translation>机构：{code} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="227"/>
        <source>Mode: headquarters</source>
        <translation>模式：总部</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="227"/>
        <source>Mode: branch desk</source>
        <translation>模式：分支机构</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="228"/>
        <source>Administrator: {user}</source>
        <translation>管理员：{user}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="232"/>
        <source>Headquarters: {name} ({code}), fingerprint {fingerprint}</source>
        <translation>总部：{name}（{code}），指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="235"/>
        <source>Headquarters: not enrolled yet (later: Exchange &gt; Import an enrolment file…)</source>
        <translation>总部：尚未登记（以后在“数据交换 → 导入登记文件…”中导入）</translation>
    </message>
</context>
<context>
    <name>TemplateInserter</name>
    <message>
        <location filename="../../ui/template_insert.py" line="23"/>
        <source>Templates (Ctrl+T)</source>
        <translation>常用语 (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/template_insert.py" line="24"/>
        <source>Insert standard words; or type a template&apos;s key and press F3</source>
        <translation>插入常用语；也可输入常用语的快捷码后按 F3</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../ui/templates_dialog.py" line="52"/>
        <source>Reply templates</source>
        <translation>常用语</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="56"/>
        <location filename="../../ui/templates_dialog.py" line="84"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="56"/>
        <location filename="../../ui/templates_dialog.py" line="86"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="56"/>
        <location filename="../../ui/templates_dialog.py" line="87"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="56"/>
        <location filename="../../ui/templates_dialog.py" line="88"/>
        <source>Key</source>
        <translation>快捷码</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="57"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="73"/>
        <location filename="../../ui/templates_dialog.py" line="139"/>
        <source>Every category</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="77"/>
        <source>optional, e.g. qy for an apology</source>
        <translation>可选，例如致歉用 qy</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="80"/>
        <source>Placeholders: {placeholders}</source>
        <translation>占位符：{placeholders}</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="89"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="94"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="96"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="98"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="107"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="140"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="140"/>
        <source>This branch</source>
        <translation>本机构</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="169"/>
        <source>Templates from headquarters come with its policy file and are changed there.</source>
        <translation>总部下发的常用语随政策文件而来，只能由总部修改。</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="204"/>
        <source>Saved: {title}</source>
        <translation>已保存：{title}</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="33"/>
        <source>Opening and apology</source>
        <translation>开头与致歉</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="34"/>
        <source>Facts found</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="35"/>
        <source>Measures taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="36"/>
        <source>Prevention</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="37"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="85"/>
        <source>Letter paragraph</source>
        <translation>答复函段落</translation>
    </message>
    <message>
        <location filename="../../ui/templates_dialog.py" line="123"/>
        <source>Reply letter</source>
        <translation>书面答复函</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="306"/>
        <source>Edit user {user}</source>
        <translation>修改用户 {user}</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="316"/>
        <source>(no supervisor)</source>
        <translation>（无主管）</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="321"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="322"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="323"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="324"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="328"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="329"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="350"/>
        <source>{name} saved.</source>
        <translation>{name} 已保存。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="62"/>
        <source>Welcome to Complaint Desk</source>
        <translation>欢迎使用投诉台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="65"/>
        <source>This computer has no complaint database yet. The next pages set it up:

1. the branch this desk belongs to;
2. its administrator, who then adds the desk&apos;s users in Settings;
3. optionally, the enrolment file headquarters sent on a USB stick, so that exports to headquarters can be signed and encrypted.

Nothing is saved until you press Create on the last page.</source>
        <translation>此电脑尚无投诉数据库。接下来的几页将完成设置：

1. 本投诉台所属的分支机构；
2. 管理员（之后由管理员在“设置”中添加用户）；
3. 可选：总部通过U盘发来的注册文件，用于对发往总部的数据进行签名和加密。

在最后一页点击“创建”之前，不会保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../ui/ops.py" line="180"/>
        <location filename="../../ui/ops.py" line="248"/>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
</context>
</TS>
