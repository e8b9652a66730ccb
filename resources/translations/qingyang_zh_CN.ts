<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleForm</name>
    <message>
        <location filename="../../editor_app/qt/widgets/article_form.py" line="61"/>
        <source>breaks off; continuation not here</source>
        <translation>文章中断，续文不在本页</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/article_form.py" line="62"/>
        <source>text lost in the source</source>
        <translation>原件文字缺失</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/article_form.py" line="66"/>
        <source>names, separated by spaces</source>
        <translation>姓名，以空格分隔</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="84"/>
        <source>(lines %1–%2)</source>
        <translation>（第 %1–%2 行）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="93"/>
        <source>Lines %1–%2</source>
        <translation>第 %1–%2 行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="97"/>
        <source>Confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="101"/>
        <source>Truncated: continues elsewhere or lost</source>
        <translation>残缺：续文在别处或已缺失</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="107"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="107"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/article_list.py" line="107"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ChangesChart</name>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="95"/>
        <source>No changes yet</source>
        <translation>尚无修改</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../editor_app/qt/widgets/cheat_sheet.py" line="44"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="44"/>
        <source>Line is kicker</source>
        <translation>本行为引题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="45"/>
        <source>Line is title</source>
        <translation>本行为主题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="46"/>
        <source>Line is subtitle</source>
        <translation>本行为副题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="47"/>
        <source>Line is byline</source>
        <translation>本行为署名</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="48"/>
        <source>Line is subhead</source>
        <translation>本行为小标题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="49"/>
        <source>Line is body</source>
        <translation>本行为正文</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="50"/>
        <source>Line is boilerplate</source>
        <translation>本行为版面文字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="51"/>
        <source>Line is noise</source>
        <translation>本行为噪声</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="60"/>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="64"/>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="68"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="69"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="70"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="71"/>
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="72"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="73"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="74"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="78"/>
        <source>Go to line or lines…</source>
        <translation>跳到行或行范围…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="82"/>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="86"/>
        <source>Find and replace…</source>
        <translation>查找和替换…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="94"/>
        <source>Split article at cursor line</source>
        <translation>在光标行拆分文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="101"/>
        <source>Merge with previous article</source>
        <translation>与上一篇合并</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="108"/>
        <source>Merge with next article</source>
        <translation>与下一篇合并</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="115"/>
        <source>Move start boundary one line up</source>
        <translation>文章起点上移一行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="122"/>
        <source>Move start boundary one line down</source>
        <translation>文章起点下移一行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="129"/>
        <source>Move late title to head of article</source>
        <translation>后置标题移至文首</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="136"/>
        <source>Mark lines as boilerplate</source>
        <translation>标记为版面文字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="143"/>
        <source>Mark lines as noise</source>
        <translation>标记为噪声</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="150"/>
        <source>Mark reviewed, go to next unreviewed</source>
        <translation>标为已审，转到下一篇未审</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="156"/>
        <source>Mark whole issue reviewed…</source>
        <translation>整期标为已审…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="162"/>
        <source>Mark approved</source>
        <translation>标记为已审定</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="169"/>
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="176"/>
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="180"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="184"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="190"/>
        <source>Accept all of this kind in this issue…</source>
        <translation>接受本期所有此类建议…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="196"/>
        <source>Reject all of this kind in this issue…</source>
        <translation>拒绝本期所有此类建议…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="202"/>
        <source>Accept all of this kind in the whole project…</source>
        <translation>接受全项目所有此类建议…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="207"/>
        <source>Reject all of this kind in the whole project…</source>
        <translation>拒绝全项目所有此类建议…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="212"/>
        <source>Next article</source>
        <translation>下一篇文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="219"/>
        <source>Previous article</source>
        <translation>上一篇文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="226"/>
        <source>Next document</source>
        <translation>下一个文档</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="233"/>
        <source>Previous document</source>
        <translation>上一个文档</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="240"/>
        <source>Next uncertain boundary</source>
        <translation>下一个不确定边界</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="244"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="245"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="249"/>
        <source>Show differences from raw text</source>
        <translation>显示与原文的差异</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="256"/>
        <source>History of changes</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="263"/>
        <source>Project statistics…</source>
        <translation>项目统计…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="270"/>
        <source>Page scan beside the raw text</source>
        <translation>原文旁显示版面图像</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="277"/>
        <source>Switch language (中文 / English)</source>
        <translation>切换语言（中文 / English）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="284"/>
        <source>Learn from reviewed documents</source>
        <translation>从已审文档学习</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="290"/>
        <source>Re-propose untouched documents</source>
        <translation>重新提议未改动的文档</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="296"/>
        <source>Project dictionary…</source>
        <translation>项目词典…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="303"/>
        <source>Stop learning</source>
        <translation>停止学习</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="309"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="329"/>
        <source>Zoom the page scan in</source>
        <translation>放大版面图像</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="330"/>
        <source>Zoom the page scan out</source>
        <translation>缩小版面图像</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="333"/>
        <source>Fit the page scan to the pane&apos;s width</source>
        <translation>版面图像适应窗格宽度</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_commands.py" line="189"/>
        <source>No more suggestions in this document.</source>
        <translation>本文档没有更多建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_commands.py" line="233"/>
        <source>Type a line number or a range like 83-87.</source>
        <translation>请输入行号或范围，如 83-87。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="302"/>
        <source>End of this issue: all articles reviewed (next issue: %1)</source>
        <translation>本期已审完（下一期：%1）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="320"/>
        <source>Issue marked reviewed: %1 articles</source>
        <translation>本期已标为已审：%1 篇</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="329"/>
        <source>Mark %1 unreviewed articles of this issue reviewed?

Still open in this issue: %2 suggestions, %3 uncertain boundaries.</source>
        <translation>将本期 %1 篇未审文章标为已审？

本期尚有：%2 条未处理建议，%3 处不确定边界。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="340"/>
        <source>Mark whole issue reviewed</source>
        <translation>整期标为已审</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="28"/>
        <source>Accept all %1 open “%2” suggestions in this issue?</source>
        <translation>接受本期全部 %1 条“%2”建议？</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="29"/>
        <source>Accepted %1 “%2” suggestions in this issue.</source>
        <translation>已接受本期 %1 条“%2”建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="34"/>
        <source>Reject all %1 open “%2” suggestions in this issue?</source>
        <translation>拒绝本期全部 %1 条“%2”建议？</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="35"/>
        <source>Rejected %1 “%2” suggestions in this issue.</source>
        <translation>已拒绝本期 %1 条“%2”建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="40"/>
        <source>Accept all %1 open “%2” suggestions in the whole project?</source>
        <translation>接受全项目全部 %1 条“%2”建议？</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="41"/>
        <source>Accepted %1 “%2” suggestions in the whole project.</source>
        <translation>已接受全项目 %1 条“%2”建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="46"/>
        <source>Reject all %1 open “%2” suggestions in the whole project?</source>
        <translation>拒绝全项目全部 %1 条“%2”建议？</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="47"/>
        <source>Rejected %1 “%2” suggestions in the whole project.</source>
        <translation>已拒绝全项目 %1 条“%2”建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/rule_decisions.py" line="63"/>
        <source>One undo step takes them all back.</source>
        <translation>撤销一步即可全部恢复。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="91"/>
        <source>Revert: later changes conflict</source>
        <translation>还原：与后来的修改冲突</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="97"/>
        <source>Later changes set some of the same fields again. Keep their values, or overwrite them with the old ones?</source>
        <translation>后来的修改又改动了其中一些字段。保留后来的值，还是用旧值覆盖？</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="106"/>
        <source>Keep later values</source>
        <translation>保留后来的值</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="109"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="121"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="121"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="121"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="121"/>
        <source>Reverts to</source>
        <translation>还原为</translation>
    </message>
</context>
<context>
    <name>CorrectedTextPane</name>
    <message>
        <location filename="../../editor_app/qt/widgets/text_editor.py" line="174"/>
        <source>Show differences from the raw text</source>
        <translation>显示与原文的差异</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../editor_app/qt/dialogs.py" line="33"/>
        <source>The project file
%1
cannot be used:
%2</source>
        <translation>项目文件
%1
无法使用：
%2</translation>
    </message>
</context>
<context>
    <name>DictionaryPanel</name>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="100"/>
        <source>Project dictionary</source>
        <translation>项目词典</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="101"/>
        <source>Wrong</source>
        <translation>误识</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="101"/>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="101"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="102"/>
        <source>&amp;Wrong:</source>
        <translation>误识(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="103"/>
        <source>&amp;Right:</source>
        <translation>正确(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="104"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="105"/>
        <source>as the scan misreads it</source>
        <translation>扫描识别错的写法</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="106"/>
        <source>as it should read</source>
        <translation>应有的写法</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="107"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="108"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="175"/>
        <source>Type the wrong and the right form; they must differ.</source>
        <translation>请输入误识和正确写法，二者须不同。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="187"/>
        <source>Entry added; %1 suggestions made.</source>
        <translation>已添加条目，生成 %1 条建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/dictionary_panel.py" line="199"/>
        <source>Entry %1 removed.</source>
        <translation>已删除条目 %1。</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../editor_app/qt/models/document_list.py" line="116"/>
        <source>Publication</source>
        <translation>报刊</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/document_list.py" line="117"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/document_list.py" line="118"/>
        <source>Page</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/document_list.py" line="119"/>
        <source>Reviewed</source>
        <translation>已审</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/models/document_list.py" line="120"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="30"/>
        <source>Export the corpus</source>
        <translation>导出语料</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="36"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="53"/>
        <source>Include boilerplate and noise</source>
        <translation>包括版面固定内容和噪声</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="55"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="56"/>
        <source>Export to:</source>
        <translation>导出到：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="57"/>
        <source>Articles with status:</source>
        <translation>文章状态：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="58"/>
        <source>Script:</source>
        <translation>字形：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="71"/>
        <source>JSON Lines (one article a line)</source>
        <translation>JSON Lines（每行一篇文章）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="72"/>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="73"/>
        <source>TEI P5 XML</source>
        <translation>TEI P5 XML</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="74"/>
        <source>Plain text (a folder, one file per article)</source>
        <translation>纯文本（一个文件夹，每篇文章一个文件）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="79"/>
        <source>As corrected</source>
        <translation>保持校对后原样</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="80"/>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="81"/>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="82"/>
        <source>Traditional (Taiwan)</source>
        <translation>繁体（台湾）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="83"/>
        <source>Traditional (Hong Kong)</source>
        <translation>繁体（香港）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="109"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/export_dialog.py" line="112"/>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="89"/>
        <location filename="../../editor_app/qt/window_files.py" line="96"/>
        <location filename="../../editor_app/qt/window_files.py" line="110"/>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="117"/>
        <source>%1
is opened read-only: %2</source>
        <translation>%1
以只读方式打开：%2</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="122"/>
        <source>Read-only project</source>
        <translation>只读项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="137"/>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="171"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="173"/>
        <source>Qingyang projects (*%1)</source>
        <translation>清样项目 (*%1)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="185"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="187"/>
        <source>Qingyang projects (*%1);;All files (*)</source>
        <translation>清样项目 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="209"/>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="211"/>
        <source>Text files (*.txt *.text);;All files (*)</source>
        <translation>文本文件 (*.txt *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="218"/>
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="250"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="251"/>
        <location filename="../../editor_app/qt/window_files.py" line="360"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="273"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="282"/>
        <source>The import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="286"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="294"/>
        <source>Imported %1 files, skipped %2.</source>
        <translation>已导入 %1 个文件，跳过 %2 个。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="300"/>
        <source>The import was cancelled; the files imported so far are kept.</source>
        <translation>导入已取消；已导入的文件均保留。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="309"/>
        <source>…and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="326"/>
        <source>No backup could be made: %1</source>
        <translation>无法生成备份：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="332"/>
        <source>Daily backup failed</source>
        <translation>每日备份失败</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="337"/>
        <source>Daily backup made: %1</source>
        <translation>已生成每日备份：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="359"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="386"/>
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="395"/>
        <source>The export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="398"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_files.py" line="401"/>
        <source>Exported %1 articles of %2 documents to %3</source>
        <translation>已将 %2 份文档中的 %1 篇文章导出到 %3</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="30"/>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="31"/>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="32"/>
        <source>%1 (undone)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="33"/>
        <source>%1 %2 %3 suggestions</source>
        <translation>%1 %2 条%3建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="34"/>
        <source>%1 documents</source>
        <translation>%1 个文档</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="35"/>
        <source>%1 and %2 more articles</source>
        <translation>%1等 %2 篇文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="36"/>
        <source>whole project</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="37"/>
        <source>article %1 (gone)</source>
        <translation>第 %1 篇文章（已删除）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="38"/>
        <source>article %1 (untitled)</source>
        <translation>第 %1 篇文章（无题）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="39"/>
        <source>%1 (%2 items)</source>
        <translation>%1（共 %2 项）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="40"/>
        <source>new article %1</source>
        <translation>新文章《%1》</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="41"/>
        <source>removed article %1</source>
        <translation>删除文章《%1》</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="42"/>
        <source>line %1: %2 → %3</source>
        <translation>第 %1 行：%2 → %3</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="43"/>
        <source>dictionary: %1 → %2</source>
        <translation>词典：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="44"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="47"/>
        <source>accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="48"/>
        <source>reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="49"/>
        <source>stale</source>
        <translation>过时</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="50"/>
        <source>merge</source>
        <translation>并入</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="51"/>
        <source>reopen</source>
        <translation>重开</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="52"/>
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_words.py" line="53"/>
        <source>remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../editor_app/qt/review/history_model.py" line="174"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_model.py" line="173"/>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_model.py" line="175"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_model.py" line="176"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_model.py" line="177"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="158"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="159"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="160"/>
        <source>Go to article</source>
        <translation>转到文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="161"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="162"/>
        <source>Undo this one change as a new change</source>
        <translation>以一次新修改撤回这一项修改</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="336"/>
        <source>All editors</source>
        <translation>全部编辑</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="337"/>
        <source>All operations</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="343"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="394"/>
        <source>No changes to this article yet.</source>
        <translation>这篇文章还没有修改记录。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="396"/>
        <source>No changes match these filters.</source>
        <translation>没有符合筛选条件的修改。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="398"/>
        <source>No changes yet.</source>
        <translation>还没有任何修改。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="441"/>
        <source>Only the first %1 of %2 items are shown.</source>
        <translation>只显示 %2 项中的前 %1 项。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="458"/>
        <source>Cannot revert</source>
        <translation>无法还原</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="471"/>
        <source>Nothing reverted</source>
        <translation>没有还原任何内容</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="472"/>
        <source>Later changes set every field of this change; nothing was reverted.</source>
        <translation>这次修改的每个字段都被后来的修改改过，没有还原任何内容。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="500"/>
        <source>Article %1</source>
        <translation>文章 %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/history_pane.py" line="503"/>
        <source>Document %1, line %2</source>
        <translation>文档 %1，第 %2 行</translation>
    </message>
</context>
<context>
    <name>IssueStatus</name>
    <message>
        <location filename="../../editor_app/qt/widgets/issue_status.py" line="39"/>
        <source>Reviewed %1/%2</source>
        <translation>已审 %1/%2</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/issue_status.py" line="44"/>
        <source>Open suggestions %1</source>
        <translation>未处理建议 %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/issue_status.py" line="47"/>
        <source>Uncertain boundaries %1</source>
        <translation>不确定边界 %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="13"/>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="14"/>
        <source>title</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="15"/>
        <source>subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="16"/>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="17"/>
        <source>subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="18"/>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="19"/>
        <source>boilerplate</source>
        <translation>版面文字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="20"/>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="23"/>
        <source>news</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="24"/>
        <source>feature</source>
        <translation>通讯</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="25"/>
        <source>commentary</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="26"/>
        <source>interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="27"/>
        <source>brief</source>
        <translation>简讯</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="28"/>
        <source>photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="29"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="32"/>
        <source>proposed</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="33"/>
        <source>edited</source>
        <translation>已改</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="34"/>
        <source>reviewed</source>
        <translation>已审</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="35"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="38"/>
        <source>join paragraphs</source>
        <translation>合并段落</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="39"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="40"/>
        <source>traditional character</source>
        <translation>繁体字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="41"/>
        <source>look-alike</source>
        <translation>形近字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="42"/>
        <source>project dictionary</source>
        <translation>项目词典</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="43"/>
        <source>white space</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="44"/>
        <source>noise line</source>
        <translation>噪声行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="49"/>
        <source>first line</source>
        <translation>起始行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="50"/>
        <source>last line</source>
        <translation>结束行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="51"/>
        <source>role</source>
        <translation>行角色</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="55"/>
        <source>split article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="56"/>
        <source>merge articles</source>
        <translation>合并文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="57"/>
        <source>move boundary</source>
        <translation>移动边界</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="58"/>
        <source>set line role</source>
        <translation>设置行角色</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="59"/>
        <source>change field</source>
        <translation>修改字段</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="60"/>
        <source>edit text</source>
        <translation>修改正文</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="61"/>
        <source>mark non-article</source>
        <translation>标记非文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="62"/>
        <source>set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="63"/>
        <source>mark issue reviewed</source>
        <translation>本期标为已审</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="64"/>
        <source>move title to head</source>
        <translation>标题移至文首</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="65"/>
        <source>batch edit</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="66"/>
        <location filename="../../editor_app/qt/labels.py" line="77"/>
        <source>accept suggestions</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="67"/>
        <location filename="../../editor_app/qt/labels.py" line="78"/>
        <source>reject suggestions</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="68"/>
        <location filename="../../editor_app/qt/labels.py" line="79"/>
        <source>import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="69"/>
        <source>locate page image</source>
        <translation>重新指定页面图像</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="73"/>
        <source>replace %1 occurrences</source>
        <translation>替换 %1 处</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="74"/>
        <source>revert: %1</source>
        <translation>还原：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="75"/>
        <source>dictionary entry %1</source>
        <translation>词典：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="76"/>
        <source>remove dictionary entry %1</source>
        <translation>删除词典：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/labels.py" line="80"/>
        <source>re-propose: %1 documents, %2 boundaries</source>
        <translation>重新提议：%1 篇文档，%2 处边界</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <location filename="../../editor_app/qt/window_learning.py" line="83"/>
        <source>Learning from %1 reviewed documents…</source>
        <translation>正在从 %1 篇已审文档学习…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_learning.py" line="87"/>
        <source>Working out what re-proposing would change…</source>
        <translation>正在计算重新提议会改动什么…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_learning.py" line="97"/>
        <source>%1 untouched documents would be proposed differently, %2 boundaries in all. Re-propose them? Documents an editor has changed stay as they are.</source>
        <translation>%1 篇未改动的文档会得到不同的提议，共 %2 处边界。要重新提议吗？编辑改动过的文档保持不变。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_learning.py" line="109"/>
        <source>Learning from the reviewed documents failed</source>
        <translation>从已审文档学习失败</translation>
    </message>
</context>
<context>
    <name>LearningStatus</name>
    <message>
        <location filename="../../editor_app/qt/widgets/learning_bars.py" line="44"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/learning_bars.py" line="45"/>
        <source>Stop learning; nothing is changed</source>
        <translation>停止学习，不改动任何内容</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="436"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="437"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="438"/>
        <source>Line: </source>
        <translation>行：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="439"/>
        <source>12 or 83-87</source>
        <translation>12 或 83-87</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="440"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="459"/>
        <source>Qingyang — no project open</source>
        <translation>清样 — 未打开项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="463"/>
        <source>LAST CHANGE NOT SAVED</source>
        <translation>最后一次修改未保存</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="465"/>
        <source>importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="467"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="469"/>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/main_window.py" line="471"/>
        <source>%1 — Qingyang — %2</source>
        <translation>%1 — 清样 — %2</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="32"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="33"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="34"/>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="35"/>
        <source>&amp;Line</source>
        <translation>行(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="36"/>
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="37"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="38"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="39"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="40"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/keymap.py" line="327"/>
        <source>Page scan (while it has the focus)</source>
        <translation>版面图像（焦点在图像上时）</translation>
    </message>
</context>
<context>
    <name>OfferBar</name>
    <message>
        <location filename="../../editor_app/qt/widgets/learning_bars.py" line="90"/>
        <source>Re-&amp;propose</source>
        <translation>重新提议(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/learning_bars.py" line="91"/>
        <source>Not &amp;now</source>
        <translation>暂不(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="53"/>
        <source>The change was not made</source>
        <translation>修改未执行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="58"/>
        <source>The change could not be saved</source>
        <translation>修改无法保存</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="60"/>
        <source>Writing to the project file failed: %1
Everything saved before this change is kept.</source>
        <translation>写入项目文件失败：%1
此前保存的内容均完好保留。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="94"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="94"/>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="95"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/operations.py" line="95"/>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="27"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="31"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="39"/>
        <source>beside the project file</source>
        <translation>项目文件所在文件夹</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="40"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="50"/>
        <source>only when asked</source>
        <translation>仅在手动要求时</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="51"/>
        <source>after every </source>
        <translation>每新审 </translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="52"/>
        <source> newly reviewed documents</source>
        <translation> 篇文档后</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="60"/>
        <source>Editor&apos;s name</source>
        <translation>编辑姓名</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="61"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="62"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="63"/>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="68"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/preferences.py" line="64"/>
        <source>Learn from reviewed documents</source>
        <translation>从已审文档学习</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <location filename="../../editor_app/qt/widgets/publication_dialog.py" line="17"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/publication_dialog.py" line="21"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/publication_dialog.py" line="33"/>
        <source>Publication of the imported files</source>
        <translation>所导入文件的报刊</translation>
    </message>
</context>
<context>
    <name>RawTextView</name>
    <message>
        <location filename="../../editor_app/qt/widgets/raw_view.py" line="140"/>
        <source>Boundary confidence %1</source>
        <translation>边界把握 %1</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="100"/>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="101"/>
        <source>Whole project</source>
        <translation>整个项目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_review.py" line="266"/>
        <source>That article no longer exists.</source>
        <translation>这篇文章已不存在。</translation>
    </message>
</context>
<context>
    <name>ReviewFilterBar</name>
    <message>
        <location filename="../../editor_app/qt/review/review_filters.py" line="50"/>
        <source>confidence &lt; </source>
        <translation>置信度 &lt; </translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/review_filters.py" line="59"/>
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/review_filters.py" line="60"/>
        <source>Not yet reviewed</source>
        <translation>尚未审读</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/review_filters.py" line="61"/>
        <source>Changed by…</source>
        <translation>修改人…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/review_filters.py" line="62"/>
        <source>Uncertain</source>
        <translation>边界存疑</translation>
    </message>
</context>
<context>
    <name>ReviewRunner</name>
    <message>
        <location filename="../../editor_app/qt/review/running.py" line="25"/>
        <source>The change was not made</source>
        <translation>修改未完成</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <location filename="../../editor_app/qt/window_scan.py" line="223"/>
        <source>Locate the page image</source>
        <translation>指定页面图像</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_scan.py" line="225"/>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
</context>
<context>
    <name>ScanPane</name>
    <message>
        <location filename="../../editor_app/qt/widgets/scan_pane.py" line="60"/>
        <source>Locate image…</source>
        <translation>指定图像…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/scan_pane.py" line="67"/>
        <source>Reading the page image…</source>
        <translation>正在读取页面图像…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/scan_pane.py" line="70"/>
        <source>The OCR file names no page image, and none lies beside it.</source>
        <translation>OCR 文件未指明页面图像，旁边也没有同名图像。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/scan_pane.py" line="71"/>
        <source>The page image was not found. Looked for:
%1</source>
        <translation>未找到页面图像。查找过：
%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/scan_pane.py" line="76"/>
        <source>The page image at
%1
is not the one imported: its content has changed.</source>
        <translation>位于
%1
的页面图像不是导入时的那一张：其内容已改变。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/scan_pane.py" line="78"/>
        <source>The page image
%1
cannot be read.</source>
        <translation>无法读取页面图像
%1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="132"/>
        <source>Search and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="133"/>
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="134"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="135"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="136"/>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="137"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="138"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="139"/>
        <source>Save as dictionary entry</source>
        <translation>存为词典条目</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="140"/>
        <source>Project dictionary…</source>
        <translation>项目词典…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="141"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="142"/>
        <source>Replace:</source>
        <translation>替换：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="148"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="149"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="286"/>
        <source>The first %1 hits are shown.</source>
        <translation>只显示前 %1 处匹配。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="288"/>
        <source>1 hit</source>
        <translation>1 处</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="289"/>
        <source>%1 hits</source>
        <translation>%1 处</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="370"/>
        <source>%1 hits found, still searching…</source>
        <translation>已找到 %1 处，仍在查找…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="387"/>
        <source>Search stopped; %1 hits listed.</source>
        <translation>查找已停止，已列出 %1 处。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="510"/>
        <source>%1 hits would change. Untick the ones to keep as they are.</source>
        <translation>将修改 %1 处。取消勾选要保持原样的匹配。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="311"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="404"/>
        <source>Nothing to replace: preview first and keep at least one hit.</source>
        <translation>没有可替换的内容：请先预览，并至少保留一处匹配。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="415"/>
        <source>Replaced %1 occurrences as one step.</source>
        <translation>已替换 %1 处，作为一步操作。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="429"/>
        <source>Dictionary entry saved; %1 suggestions made.</source>
        <translation>词典条目已保存，生成 %1 条建议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="297"/>
        <source>Type something to find.</source>
        <translation>请输入要查找的文字。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="145"/>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="146"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="147"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="452"/>
        <source>Not a valid replacement: %1</source>
        <translation>替换文字无效：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/search_dialog.py" line="458"/>
        <source>Not a valid regular expression: %1</source>
        <translation>正则表达式无效：%1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../editor_app/qt/app.py" line="74"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/app.py" line="75"/>
        <source>Your name, recorded with every change you make (you can change it in Preferences):</source>
        <translation>您的姓名，将记录在您的每一处修改中（可在“首选项”中更改）：</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="207"/>
        <source>Project statistics</source>
        <translation>项目统计</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="209"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="210"/>
        <source>Fully reviewed documents:</source>
        <translation>已全部审读的文档：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="211"/>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="212"/>
        <source>Non-article segments (boilerplate, noise):</source>
        <translation>非文章片段（版面文字、噪声）：</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="218"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="218"/>
        <location filename="../../editor_app/qt/review/stats_view.py" line="219"/>
        <location filename="../../editor_app/qt/review/stats_view.py" line="227"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="219"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="221"/>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="221"/>
        <source>Non-article kind</source>
        <translation>非文章类型</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="224"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="224"/>
        <source>Open suggestions</source>
        <translation>待处理建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="227"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="227"/>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="230"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/review/stats_view.py" line="234"/>
        <location filename="../../editor_app/qt/review/stats_view.py" line="295"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../editor_app/qt/window_status.py" line="25"/>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_status.py" line="27"/>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_status.py" line="29"/>
        <source>Suggestion accepted</source>
        <translation>已接受建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_status.py" line="31"/>
        <source>Suggestion rejected</source>
        <translation>已拒绝建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/window_status.py" line="66"/>
        <source>Uncertain boundary — %1</source>
        <translation>不确定边界 — %1</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../editor_app/qt/widgets/suggestion_panel.py" line="49"/>
        <source>Open suggestions</source>
        <translation>待处理建议</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/suggestion_panel.py" line="50"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/suggestion_panel.py" line="51"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/widgets/suggestion_panel.py" line="52"/>
        <source>Accept all of this kind…</source>
        <translation>接受本期所有此类建议…</translation>
    </message>
</context>
<context>
    <name>WindowLearning</name>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="118"/>
        <source>Still working on the last request; try again after it.</source>
        <translation>上一个请求仍在进行，请在它结束后再试。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="124"/>
        <source>No document is reviewed yet: mark every article of a document reviewed or approved, then learn again.</source>
        <translation>还没有已审的文档：请把一篇文档的每篇文章都标为已审或已批准，然后再学习。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="194"/>
        <source>A newer model was learned meanwhile: ask again.</source>
        <translation>其间已学到更新的模型，请再操作一次。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="199"/>
        <source>Every document of the offer has been edited meanwhile.</source>
        <translation>提议中的文档其间都已被编辑过。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="173"/>
        <source>Re-proposing would change none of the untouched documents.</source>
        <translation>重新提议不会改变任何未改动的文档。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="204"/>
        <source>Re-proposed %1 documents: %2 boundaries changed. Undo brings the old proposal back.</source>
        <translation>已重新提议 %1 篇文档，改动 %2 处边界。撤销可恢复原来的提议。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="221"/>
        <source>Learned from %1 reviewed documents.</source>
        <translation>已从 %1 篇已审文档学习。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="228"/>
        <source>On %1 held back: %2 edits per 10 articles (the shipped model: %3).</source>
        <translation>在留出的 %1 篇上：每 10 篇文章需修改 %2 处（自带模型：%3）。</translation>
    </message>
    <message>
        <location filename="../../editor_app/qt/learning.py" line="289"/>
        <source>Stopped; nothing was changed.</source>
        <translation>已停止，未改动任何内容。</translation>
    </message>
</context>
</TS>
